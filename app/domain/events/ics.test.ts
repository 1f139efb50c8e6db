import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarFile, type IcsEvent } from './ics.server';

const event = (over: Partial<IcsEvent>): IcsEvent => ({
  id: 'e1',
  titleFi: 'Verkostokokous',
  titleSv: 'Nätverksmöte',
  titleEn: 'Network meeting',
  descriptionFi: '',
  descriptionSv: '',
  descriptionEn: '',
  startsAt: new Date('2026-12-01T12:00:00Z'),
  endsAt: new Date('2026-12-01T13:00:00Z'),
  updatedAt: new Date('2026-11-01T10:00:00Z'),
  cancelledAt: null,
  address: '',
  supportPoint: null,
  joinUrl: '',
  ...over,
});

describe('calendar file', () => {
  // ASCII, two-octet (ä), three-octet (€) and four-octet (emoji, a surrogate pair) characters, at
  // every offset against the 75-octet boundary.
  const texts = Array.from({ length: 80 }, (_, shift) => [
    'x'.repeat(shift) + 'Pääkäyttäjä € 📱 kokous; tekstiviesti, salasana\nuusi rivi '.repeat(9),
    // ASCII only: folded by position.
    'x'.repeat(shift) + 'Network meeting; agenda, minutes\nnew line '.repeat(9),
  ]).flat();

  // Cut between characters, not inside a surrogate pair.
  const title = (text: string) => Array.from(text).slice(0, 60).join('');

  it('folds every line at 75 octets without splitting a character, and unfolds to the same text', () => {
    for (const text of texts) {
      const file = calendarFile([event({ descriptionFi: text, titleFi: title(text) })], {
        language: 'fi',
        origin: 'https://tukiverkko.example',
        name: 'Tukiverkko',
      });
      expect(file.endsWith('\r\n')).toBe(true);
      const lines = file.slice(0, -2).split('\r\n');
      for (const line of lines) {
        expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
        expect(line).not.toContain('\uFFFD');
        // A lone half of a surrogate pair would be a broken character.
        expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(line)).toBe(
          false,
        );
      }
      // Continuation lines start with one space, and a long line was folded.
      expect(lines.some((line) => line.startsWith(' '))).toBe(true);
      const vevent = new ICAL.Component(ICAL.parse(file)).getFirstSubcomponent('vevent')!;
      expect(vevent.getFirstPropertyValue('description')).toBe(
        `${text}\n\nhttps://tukiverkko.example/events/e1`,
      );
      expect(vevent.getFirstPropertyValue('summary')).toBe(title(text));
    }
  });

  it('leaves a line of exactly 75 octets whole and folds one of 76', () => {
    const prefix = 'SUMMARY:'.length;
    const whole = calendarFile([event({ titleFi: 'a'.repeat(75 - prefix) })], {
      language: 'fi',
      origin: 'https://t.example',
      name: 'T',
    });
    expect(whole).toContain(`\r\nSUMMARY:${'a'.repeat(75 - prefix)}\r\n`);
    const folded = calendarFile([event({ titleFi: 'ä' + 'a'.repeat(74 - prefix) })], {
      language: 'fi',
      origin: 'https://t.example',
      name: 'T',
    });
    expect(folded).toContain(`\r\nSUMMARY:ä${'a'.repeat(73 - prefix)}\r\n a\r\n`);
  });
});
