// The dashboards' fixed lists, without zod (components import these).

/** Whose sessions a view counts: the viewer's own, their organisation's, or the whole network's. */
export const REPORT_SCOPES = ['mine', 'organisation', 'all'] as const;
export type ReportScope = (typeof REPORT_SCOPES)[number];

export const INTERVALS = ['week', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];

export const CHART_KEYS = [
  'time',
  'device',
  'topic',
  'eservice',
  'supportPoint',
  'organisation',
  'channel',
  'language',
  'serviceLevel',
  'outcome',
  'ageGroup',
  'satisfaction',
] as const;
export type ChartKey = (typeof CHART_KEYS)[number];

/**
 * The small-group rule: in views across organisations, a group of 1–4 sessions (or answers) is
 * shown as "fewer than 5", so that no adviser or resident can be singled out. Zero stays zero.
 */
export const SMALL_GROUP = 5;

/** Rows of a chart over places, services or organisations shown on the page; the CSV has all. */
export const TOP_ROWS = 15;
