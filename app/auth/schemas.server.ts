import { z } from 'zod';
import { email, text } from '~/utils/forms.server';

// What the sign-in, password and invitation forms accept.

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

/** New password and its confirmation, as every form that sets one asks for them. */
export const newPasswordFields = {
  password: z
    .string({ error: 'validation.required' })
    .min(1, { error: 'validation.required' })
    .min(PASSWORD_MIN_LENGTH, { error: 'auth:password.tooShort' })
    .max(PASSWORD_MAX_LENGTH, { error: 'validation.tooLong' }),
  confirmPassword: z.string({ error: 'validation.required' }),
};

export function passwordsMatch(data: { password: string; confirmPassword: string }) {
  return data.password === data.confirmPassword;
}
export const passwordsMatchError = { error: 'auth:password.mismatch', path: ['confirmPassword'] };

export const LoginSchema = z.object({
  email: email(),
  password: z
    .string({ error: 'validation.required' })
    .min(1, { error: 'validation.required' })
    .max(1024, { error: 'validation.tooLong' }),
  redirectTo: z.string().optional(),
  remember: z.literal('on').optional(),
});

export const RequestResetSchema = z.object({ email: email() });

export const NewPasswordSchema = z.object(newPasswordFields).refine(passwordsMatch, passwordsMatchError);

export const AcceptInviteSchema = z
  .object({ name: text({ max: 100 }), ...newPasswordFields })
  .refine(passwordsMatch, passwordsMatchError);
