import { z } from 'zod';

/** `?page=` of the inbox: a page number from 1; anything else is the first page. */
export const inboxPageSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

/** What the inbox's buttons post. */
export const inboxActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('open'), id: z.uuid() }),
  z.object({ intent: z.literal('read'), id: z.uuid() }),
  z.object({ intent: z.literal('readAll') }),
]);

/** An unsubscribe token as the mail carries it (base64url). */
export const unsubscribeTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
