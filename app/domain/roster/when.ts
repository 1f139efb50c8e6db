// How a help time reads: "ti 8.12.2026 klo 10.00–12.00" / "tis 8.12.2026 10:00–12:00" /
// "Tue 8 Dec 2026, 10:00–12:00". Client-safe; one formatter per language, made once.
const TAGS: Record<string, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };
const formats = new Map<string, Intl.DateTimeFormat>();

/** A calendar day with its weekday, in the language's way. */
export function dayWithWeekday(date: string, language: string): string {
  const tag = TAGS[language] ?? 'fi-FI';
  let format = formats.get(tag);
  if (!format) {
    format = new Intl.DateTimeFormat(tag, {
      timeZone: 'UTC',
      weekday: 'short',
      day: 'numeric',
      month: language === 'en' ? 'short' : 'numeric',
      year: 'numeric',
    });
    formats.set(tag, format);
  }
  return format.format(new Date(`${date}T00:00:00Z`));
}

/** A slot's clock times: Finnish writes 10.00, Swedish and English 10:00. */
export function clockRange(startsAt: string, endsAt: string, language: string): string {
  const clock = (t: string) => (language === 'fi' ? t.replace(':', '.') : t);
  return `${clock(startsAt)}–${clock(endsAt)}`;
}

export function helpTime(date: string, startsAt: string, endsAt: string, language: string): string {
  const day = dayWithWeekday(date, language);
  const times = clockRange(startsAt, endsAt, language);
  return language === 'fi' ? `${day} klo ${times}` : `${day}, ${times}`;
}
