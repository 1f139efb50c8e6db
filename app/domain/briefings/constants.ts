// The briefings area's fixed lists, without zod (components import these).

export const ESERVICE_STATUSES = ['planned', 'pilot', 'launched', 'retired'] as const;
export type EServiceStatus = (typeof ESERVICE_STATUSES)[number];
export const BRIEFING_AUDIENCES = ['all', 'organisations', 'roles'] as const;
/** Members told or reminded per notification batch (a national audience is 10,000). */
export const NOTIFY_BATCH = 500;
/** A reminder to those who have not read a briefing at most this often. */
export const REMIND_INTERVAL_HOURS = 24;
