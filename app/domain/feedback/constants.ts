// The field-feedback area's fixed lists, without zod (components import these).

export const FEEDBACK_DEVICES = ['android', 'iphone', 'tablet', 'computer', 'other'] as const;
export const FREQUENCIES = ['first_time', 'sometimes', 'often', 'daily'] as const;
export const SEVERITIES = ['minor', 'slows', 'blocks'] as const;
export const FEEDBACK_STATUSES = ['new', 'acknowledged', 'planned', 'fixed', 'wont_fix'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];
/** Still a problem: what the "top problems" view ranks. */
export const OPEN_STATUSES: FeedbackStatus[] = ['new', 'acknowledged', 'planned'];
export const QUEUE_PAGE_SIZE = 50;
