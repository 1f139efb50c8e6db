import { z } from 'zod';
import { text } from '~/utils/forms.server';
import { acceptableIssuer } from '~/auth/sso.server';
import { ORGANISATION_KIND_VALUES } from './constants';

export const OrganisationSchema = z.object({
  name: text({ max: 120, min: 2 }),
  kind: z.enum(ORGANISATION_KIND_VALUES, { error: 'validation.required' }),
  active: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()),
});

const DOMAIN = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** The organisation's own sign-in (OpenID Connect); "remove" clears it. */
export const OrganisationSsoSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('sso-remove') }),
  z.object({
    intent: z.literal('sso'),
    ssoIssuer: text({ max: 500 }).refine(acceptableIssuer, {
      error: 'admin:organisations.sso.errors.issuer',
    }),
    ssoClientId: text({ max: 200 }),
    // Empty keeps the saved secret (it is never shown back).
    ssoClientSecret: z
      .string()
      .max(500, { error: 'validation.tooLong' })
      .optional()
      .transform((s) => s?.trim() || undefined),
    ssoEmailDomains: z
      .string({ error: 'validation.required' })
      .transform((s) =>
        [
          ...new Set(
            s
              .toLowerCase()
              .split(/[\s,;]+/)
              .map((d) => d.replace(/^@/, ''))
              .filter(Boolean),
          ),
        ].slice(0, 21),
      )
      .pipe(
        z
          .array(z.string().regex(DOMAIN, { error: 'admin:organisations.sso.errors.domain' }))
          .min(1, { error: 'validation.required' })
          .max(20, { error: 'validation.tooLong' }),
      ),
  }),
]);
