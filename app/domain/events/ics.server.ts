import { TIME_ZONE } from '~/i18n/config';
import { helsinkiWallClock } from '~/i18n/format';
import { eventDescription, eventTitle } from './titles';

// iCalendar (RFC 5545) for one event or a member's feed. Times are written as Helsinki wall
// clock with a VTIMEZONE, so a phone shows 14:00 in March and in November alike; lines are
// CRLF-terminated, text escaped and folded at 75 octets.

export type IcsEvent = {
  id: string;
  titleFi: string;
  titleSv: string;
  titleEn: string;
  descriptionFi: string;
  descriptionSv: string;
  descriptionEn: string;
  startsAt: Date;
  endsAt: Date;
  updatedAt: Date;
  cancelledAt: Date | null;
  address: string;
  supportPoint: { name: string; address: string } | null;
  /** Empty unless the member signed up. */
  joinUrl: string;
  /** Where it is in the app, when it is not an event (a shift: the support point's page). */
  path?: string;
};

const HELSINKI_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0300',
  'TZNAME:EEST',
  'DTSTART:19700329T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0300',
  'TZOFFSETTO:+0200',
  'TZNAME:EET',
  'DTSTART:19701025T040000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** 20261201T090000: Helsinki wall-clock time, for DTSTART/DTEND with the TZID above. */
function localStamp(at: Date) {
  return helsinkiWallClock(at).replace(/[-:]/g, '');
}

function utcStamp(at: Date) {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** RFC 5545 TEXT: a line break of any kind (CRLF, LF or a lone CR) is "\\n", never a new line. */
export function escapeText(text: string) {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n?|\n/g, '\\n');
}

/** Folds a content line at 75 octets without splitting a UTF-8 character. */
function fold(line: string) {
  // Most lines are short: measured whole, they need no walk through their characters (a feed of
  // 200 events spent a sixth of its CPU here).
  if (line.length <= 75 && Buffer.byteLength(line) <= 75) return line;
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    if (bytes + size > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += char;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

function vevent(e: IcsEvent, language: string, origin: string, now: Date) {
  const url = `${origin}${e.path ?? `/events/${e.id}`}`;
  const description = [eventDescription(e, language).text, e.joinUrl, url].filter(Boolean).join('\n\n');
  const location = e.supportPoint
    ? [e.supportPoint.name, e.supportPoint.address].filter(Boolean).join(', ')
    : e.address || e.joinUrl;
  return [
    'BEGIN:VEVENT',
    `UID:${e.id}@tukiverkko`,
    `DTSTAMP:${utcStamp(now)}`,
    `DTSTART;TZID=${TIME_ZONE}:${localStamp(e.startsAt)}`,
    `DTEND;TZID=${TIME_ZONE}:${localStamp(e.endsAt)}`,
    `SEQUENCE:${Math.floor(e.updatedAt.getTime() / 1000) % 2147483647}`,
    `SUMMARY:${escapeText(eventTitle(e, language).text)}`,
    `DESCRIPTION:${escapeText(description)}`,
    ...(location ? [`LOCATION:${escapeText(location)}`] : []),
    `URL:${url}`,
    `STATUS:${e.cancelledAt ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
  ];
}

export function calendarFile(
  events: IcsEvent[],
  { language, origin, name }: { language: string; origin: string; name: string },
  now = new Date(),
) {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tukiverkko//Helsinki digital support network//FI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    `X-WR-TIMEZONE:${TIME_ZONE}`,
    ...HELSINKI_VTIMEZONE,
    ...events.flatMap((e) => vevent(e, language, origin, now)),
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
