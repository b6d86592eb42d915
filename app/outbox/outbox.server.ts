import { sql } from 'drizzle-orm';
import type { Tx } from '#db/client.ts';
import { outboxEvents, outboxSequences } from '#db/schema/index.ts';
import { enqueue } from '~/jobs/queue.server.ts';

/** The job that relays a commune's outbox (app/outbox/relay.server.ts defines its handler). */
export const RELAY_JOB = 'outbox.relay';

/**
 * The outbox's writer. Every change others must hear about (an invitation to mail, an order to
 * notify, a listing for the integrations) records one event in the caller's transaction, so it
 * commits or rolls back with the change itself; the relay (app/outbox/relay.server.ts) hands it
 * to every consumer.
 *
 * The event takes the commune's next `seq` from its counter row, which stays locked until the
 * caller commits: writers of one commune take turns, so events commit in `seq` order and the
 * relay, reading past its cursor, never passes over one still to commit (ADR 016). The commune's
 * relay job is added too (once while one waits), so delivery follows the commit promptly.
 */
export async function recordEvent(tx: Tx, tenantId: string, type: string, payload: Record<string, unknown>, actorUserId: string | null) {
  const [counter] = await tx
    .insert(outboxSequences)
    .values({ tenantId, lastSeq: 1 })
    .onConflictDoUpdate({ target: outboxSequences.tenantId, set: { lastSeq: sql`${outboxSequences.lastSeq} + 1` } })
    .returning({ seq: outboxSequences.lastSeq });
  await tx.insert(outboxEvents).values({ tenantId, seq: counter!.seq, type, payload, actorUserId });
  await enqueue(tx, RELAY_JOB, {}, { tenantId, key: tenantId, keyScope: 'queued' });
}
