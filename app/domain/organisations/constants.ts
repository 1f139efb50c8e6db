export const ORGANISATION_KIND_VALUES = ['city_unit', 'association', 'company', 'education'] as const;
