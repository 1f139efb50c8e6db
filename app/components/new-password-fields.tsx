import { useTranslation } from '~/i18n/use-translation';
import type { FieldErrors } from '~/utils/forms';
import { TextField } from './ui/form';

/** A new password and its confirmation, with the rule next to the field: every form that sets one. */
export function NewPasswordFields({ errors }: { errors: FieldErrors }) {
  const { t } = useTranslation('auth');
  return (
    <>
      <TextField
        name="password"
        type="password"
        label={t('fields.newPassword')}
        hint={t('password.hint')}
        autoComplete="new-password"
        required
        error={errors.password}
      />
      <TextField
        name="confirmPassword"
        type="password"
        label={t('fields.confirmPassword')}
        autoComplete="new-password"
        required
        error={errors.confirmPassword}
      />
    </>
  );
}
