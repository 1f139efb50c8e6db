import type { LoaderFunctionArgs } from '@remix-run/node';
import { requestMeta } from '~/auth/request-meta.server';
import { serveOpenData, supportPointsJson } from '~/domain/roster/open-data.server';

/** Support points and their staffed help times as JSON (docs/open-data.md). */
export const loader = ({ request, context }: LoaderFunctionArgs) =>
  serveOpenData(
    request,
    requestMeta(request, context).ip,
    'application/json; charset=utf-8',
    supportPointsJson,
  );
