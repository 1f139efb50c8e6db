// Shared by the editor (client) and the server's checks.

/** Longest post, counted in characters of its text (the rule: 50,000). */
export const MAX_BODY_CHARS = 50_000;
/** Guards the JSON parser against a body far larger than any 50,000-character post. */
export const MAX_BODY_JSON_BYTES = 1_000_000;
export const HEADING_LEVELS = [2, 3] as const;
