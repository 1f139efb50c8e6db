import { GeneralErrorBoundary } from '~/components/error-boundary';

// Unknown addresses get the app's own 404 page, inside the normal layout.
export async function loader() {
  throw new Response('Not found', { status: 404 });
}

export default function NotFound() {
  return <GeneralErrorBoundary />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
