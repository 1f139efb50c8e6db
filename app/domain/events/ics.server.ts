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
  const instant = at.getTime();
  let stamp = localStamps.get(instant);
  if (stamp === undefined) {
    if (localStamps.size >= 100_000) localStamps.clear();
    stamp = basicFormat(helsinkiWallClock(at));
    localStamps.set(instant, stamp);
  }
  return stamp;
}

// The same events' times are written into every member's feed, each time it is fetched.
const localStamps = new Map<number, string>();

/** 20261201T070000Z */
function utcStamp(at: Date) {
  return `${basicFormat(at.toISOString())}Z`;
}

/** "2026-12-01T09:00:00…" as RFC 5545's basic format, 20261201T090000. */
function basicFormat(iso: string) {
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
}

/** RFC 5545 TEXT: a line break of any kind (CRLF, LF or a lone CR) is "\\n", never a new line. */
export function escapeText(text: string) {
  if (!/[\\;,\r\n]/.test(text)) return text;
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n?|\n/g, '\\n');
}

/** Folds a content line at 75 octets without splitting a UTF-8 character. */
function fold(line: string) {
  // A UTF-16 unit is at most three octets: a line this short fits whatever it holds.
  if (line.length <= 25) return line;
  if (!NON_ASCII.test(line)) {
    if (line.length <= 75) return line;
    let folded = line.slice(0, 75);
    for (let i = 75; i < line.length; i += 74) folded += `\r\n ${line.slice(i, i + 74)}`;
    return folded;
  }
  // Octets counted from the UTF-16 units, slices cut only where a line ends: a feed of 200
  // events spent a sixth of its CPU measuring each character with Buffer.byteLength.
  let folded = '';
  let start = 0;
  let octets = 0;
  let limit = 75;
  for (let i = 0; i < line.length; i++) {
    const unit = line.charCodeAt(i);
    const pair = unit >= 0xd800 && unit <= 0xdbff && (line.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const size = unit < 0x80 ? 1 : unit < 0x800 ? 2 : pair ? 4 : 3;
    if (octets + size > limit) {
      folded += `${line.slice(start, i)}\r\n `;
      start = i;
      octets = 0;
      limit = 74; // after the space that begins a continuation line
    }
    octets += size;
    if (pair) i++;
  }
  return start === 0 ? line : folded + line.slice(start);
}

// eslint-disable-next-line no-control-regex -- ASCII is exactly U+0000–U+007F
const NON_ASCII = /[^\x00-\x7f]/;

/** A content line, folded, with its CRLF. */
const line = (text: string) => `${fold(text)}\r\n`;

/**
 * One event. The lines of fixed form (ids, times, status) are short ASCII by construction; only
 * those carrying text or an address are folded.
 */
function vevent(e: IcsEvent, language: string, origin: string, stamp: string) {
  const url = `${origin}${e.path ?? `/events/${e.id}`}`;
  const description = [eventDescription(e, language).text, e.joinUrl, url].filter(Boolean).join('\n\n');
  const location = e.supportPoint
    ? [e.supportPoint.name, e.supportPoint.address].filter(Boolean).join(', ')
    : e.address || e.joinUrl;
  return (
    `BEGIN:VEVENT\r\nUID:${e.id}@tukiverkko\r\nDTSTAMP:${stamp}\r\n` +
    `DTSTART;TZID=${TIME_ZONE}:${localStamp(e.startsAt)}\r\n` +
    `DTEND;TZID=${TIME_ZONE}:${localStamp(e.endsAt)}\r\n` +
    `SEQUENCE:${Math.floor(e.updatedAt.getTime() / 1000) % 2147483647}\r\n` +
    line(`SUMMARY:${escapeText(eventTitle(e, language).text)}`) +
    line(`DESCRIPTION:${escapeText(description)}`) +
    (location ? line(`LOCATION:${escapeText(location)}`) : '') +
    line(`URL:${url}`) +
    `STATUS:${e.cancelledAt ? 'CANCELLED' : 'CONFIRMED'}\r\nEND:VEVENT\r\n`
  );
}

const HEADER = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Tukiverkko//Helsinki digital support network//FI',
  'CALSCALE:GREGORIAN',
  'METHOD:PUBLISH',
].join('\r\n');

export function calendarFile(
  events: IcsEvent[],
  { language, origin, name }: { language: string; origin: string; name: string },
  now = new Date(),
) {
  const stamp = utcStamp(now);
  let file =
    `${HEADER}\r\n` +
    line(`X-WR-CALNAME:${escapeText(name)}`) +
    `X-WR-TIMEZONE:${TIME_ZONE}\r\n${HELSINKI_VTIMEZONE.join('\r\n')}\r\n`;
  for (const e of events) file += vevent(e, language, origin, stamp);
  return `${file}END:VCALENDAR\r\n`;
}
