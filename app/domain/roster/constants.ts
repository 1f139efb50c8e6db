// The roster's fixed lists (ADR 030). Shared by the pages and the server.

/** What residents can get help with in a slot; each has a name in locales/<lng>/roster.json. */
export const SLOT_TOPICS = [
  'smartphones',
  'computers',
  'banking',
  'identification',
  'kela_omakanta',
  'city_services',
  'security',
  'other',
] as const;
export type SlotTopic = (typeof SLOT_TOPICS)[number];

/** ISO weekdays, Monday first, as Finns write a week. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** How far ahead a point's page shows its help times, and "every week until" may reach. */
export const ROSTER_DAYS_SHOWN = 14;
export const SIGN_UP_MAX_DAYS = 366;
