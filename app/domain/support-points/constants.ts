// The support-point directory's fixed lists, without zod (components import these).

export const SUPPORT_POINT_KINDS = [
  'library',
  'service_centre',
  'resident_house',
  'youth_centre',
  'college',
  'customer_service',
  'other',
] as const;
export type SupportPointKind = (typeof SUPPORT_POINT_KINDS)[number];
