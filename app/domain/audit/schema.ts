export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  'login_rate_limited',
  'logout',
  'password_reset_requested',
  'password_reset',
  'invite',
  'invite_accepted',
  'invite_revoked',
  'role_change',
  'deactivate',
  'reactivate',
  'admin_created',
  'organisation_create',
  'organisation_update',
  'session_revoked',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
