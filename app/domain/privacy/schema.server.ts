import { z } from 'zod';

// What the erasure pages accept (ADR 027).

export const ErasureRequestSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('request'),
    posts: z.enum(['keep', 'delete'], { error: 'validation.required' }),
  }),
  z.object({ intent: z.literal('cancel') }),
]);

export const ConfirmErasureSchema = z.object({ intent: z.literal('erase'), memberId: z.uuid() });
