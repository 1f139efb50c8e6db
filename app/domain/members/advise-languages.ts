// Languages an adviser can guide residents in: more than the three of the interface.
export const ADVISE_LANGUAGES = ['fi', 'sv', 'en', 'ru', 'et', 'so', 'ar', 'fa', 'uk', 'se'] as const;
