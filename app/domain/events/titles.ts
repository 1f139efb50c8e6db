// An event is written in the languages its organiser chose: readers get theirs, else Finnish,
// else Swedish, else English. Client-safe (lists and pages use it).

import { writtenIn } from '~/i18n/written-in';

type Titled = { titleFi: string; titleSv: string; titleEn: string };
type Described = { descriptionFi: string; descriptionSv: string; descriptionEn: string };

export function eventTitle(event: Titled, language: string): { text: string; lang: string } {
  return writtenIn(event, 'title', language);
}

export function eventDescription(event: Described, language: string): { text: string; lang: string } {
  return writtenIn(event, 'description', language);
}
