import type { Tx } from '#db/client.ts';
import { outboxEvents } from '#db/schema/index.ts';

/**
 * The outbox's writer. Every change others must hear about (an invitation to mail, an order to
 * notify, a listing for the integrations) records one event in the caller's transaction, so it
 * commits or rolls back with the change itself; a worker (a later issue) delivers them.
 */
export async function recordEvent(tx: Tx, tenantId: string, type: string, payload: Record<string, unknown>, actorUserId: string | null) {
  await tx.insert(outboxEvents).values({ tenantId, type, payload, actorUserId });
}
