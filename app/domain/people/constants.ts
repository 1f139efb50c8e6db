import { DEVICES, TOPICS } from '~/domain/guidance/constants';

// The member directory's fixed lists (issue 21), without zod: the profile form and the
// directory page import these.

/** What a member may show other members besides their name, which always shows. */
export const DIRECTORY_FIELDS = [
  'organisation',
  'languages',
  'supportPoints',
  'skills',
  'email',
  'phone',
] as const;
export type DirectoryField = (typeof DIRECTORY_FIELDS)[number];

/** Shown until the member chooses otherwise: e-mail and phone only when they opt in. */
export const SHOWN_BY_DEFAULT: DirectoryField[] = ['organisation', 'languages'];

/** Devices and topics a member can say they know (the guidance log's, without "other"). */
export const KNOWN_DEVICES = DEVICES.filter((d) => d !== 'other');
export const KNOWN_TOPICS = TOPICS.filter((t) => t !== 'other');

export const PEOPLE_PAGE_SIZE = 30;

/** A member as others see them: the name and roles always, the rest as they chose. */
export type Person = {
  id: string;
  name: string;
  roles: string[];
  organisation?: string;
  adviseLanguages?: string[];
  supportPoints?: { slug: string; name: string }[];
  knowDevices?: string[];
  knowTopics?: string[];
  email?: string;
  phone?: string;
};
