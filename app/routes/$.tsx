import type { MetaFunction } from '@remix-run/node';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { pageTitle } from '~/utils/meta';

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

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'errors.404.title');
