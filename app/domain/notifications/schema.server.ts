import { z } from 'zod';
import {
  channelsFor,
  DIGEST_FREQUENCIES,
  NOTIFICATION_TYPES,
  PRESETS,
  type Channel,
  type NotificationType,
} from './constants';

// What the notification settings page accepts (its choices are in constants.ts).

export const DigestSchema = z.object({
  digestFrequency: z.enum(DIGEST_FREQUENCIES, { error: 'validation.invalid' }),
});

export const PresetSchema = z.object({ preset: z.enum(PRESETS, { error: 'validation.invalid' }) });

export const PreferencesSchema = z.object(
  Object.fromEntries(
    NOTIFICATION_TYPES.map((t) => [t, z.enum(channelsFor(t), { error: 'validation.invalid' })]),
  ) as Record<NotificationType, z.ZodEnum<{ [K in Channel]: K }>>,
);
