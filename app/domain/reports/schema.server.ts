// The dashboards' query string (loaders only): anything unreadable falls back to the default.
import { z } from 'zod';
import { CHART_KEYS, INTERVALS, REPORT_SCOPES } from './constants';

const day = z.iso.date().optional().catch(undefined);
const id = z.uuid().optional().catch(undefined);

export const ReportQuerySchema = z.object({
  scope: z.enum(REPORT_SCOPES).optional().catch(undefined),
  from: day,
  to: day,
  organisation: id,
  point: id,
  eservice: id,
  interval: z.enum(INTERVALS).catch('month'),
  chart: z
    .enum([...CHART_KEYS, 'trend', 'events'])
    .optional()
    .catch(undefined),
});
