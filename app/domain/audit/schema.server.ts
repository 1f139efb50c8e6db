import { z } from 'zod';
import { AUDIT_ACTIONS } from './constants';

export const AuditFilterSchema = z.object({ action: z.enum(AUDIT_ACTIONS).optional().catch(undefined) });
