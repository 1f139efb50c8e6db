export const MEMBER_STATUSES = ['active', 'deactivated'] as const;
