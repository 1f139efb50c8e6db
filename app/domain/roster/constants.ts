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

/** How far ahead residents' pages, referral slips and the open-data feed show staffed times. */
export const PUBLIC_DAYS_SHOWN = 28;

/** What a referral slip can tell a resident to bring; each has a name in locales/<lng>/roster.json. */
export const BRING_ITEMS = [
  'own_device',
  'charger',
  'bank_codes',
  'id_card',
  'kela_card',
  'passwords',
  'glasses',
] as const;

/** How long a referral slip's page (/r/<code>) can be opened. */
export const REFERRAL_DAYS = 90;
