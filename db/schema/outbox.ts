import { sql } from 'drizzle-orm';
import { bigint, integer, jsonb, pgPolicy, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantPolicies } from './policies.ts';
import { communes } from './tenancy.ts';

/**
 * The outbox: every change others must hear about writes one row here in the same
 * transaction as the change itself. The relay (app/outbox/relay.server.ts) hands each commune's
 * events, in `seq` order, to every consumer; each consumer's progress is its cursor
 * (`outbox_cursors`), so there is no per-event "delivered" mark (ADR 016).
 */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => communes.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    /**
     * The event's place in its commune's outbox: 1, 2, 3… given by `outbox_sequences` in the
     * writer's transaction. Writers of one commune wait on its counter row, so events commit in
     * `seq` order and the relay never passes over one that commits late.
     */
    seq: bigint('seq', { mode: 'number' }).notNull(),
    type: text('type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    actorUserId: uuid('actor_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    ...tenantPolicies(),
    uniqueIndex('outbox_events_seq_key').on(t.tenantId, t.seq),
    primaryKey({ name: 'outbox_events_pkey', columns: [t.tenantId, t.id] }),
  ],
);

/** Each commune's last given outbox `seq`: one row per commune, locked by each writer until it commits. */
export const outboxSequences = pgTable(
  'outbox_sequences',
  {
    tenantId: uuid('tenant_id')
      .primaryKey()
      .references(() => communes.id, { onDelete: 'cascade' }),
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  },
  () => [...tenantPolicies()],
);

/**
 * The consumers this database has met, and when. The first time the relay runs a consumer on a
 * database it sets the consumer's cursor in every commune at that commune's newest committed
 * event (a new consumer does not replay history), then records it here; a commune with no cursor
 * for a recorded consumer was created since, and the consumer reads its outbox from the start.
 */
export const outboxConsumers = pgTable(
  'outbox_consumers',
  {
    name: text('name').primaryKey(),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  () => [
    // The relay (the owner connection, bound by the forced RLS) records consumers; request code
    // (the app role) holds only SELECT, so these open nothing to it.
    pgPolicy('runner_read', { as: 'permissive', for: 'select', to: 'public', using: sql`true` }),
    pgPolicy('runner_insert', { as: 'permissive', for: 'insert', to: 'public', withCheck: sql`true` }),
  ],
);

/** How far each consumer has read each commune's outbox: it has handled every event with `seq <= last_seq`. */
export const outboxCursors = pgTable(
  'outbox_cursors',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => communes.id, { onDelete: 'cascade' }),
    consumer: text('consumer').notNull(),
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [...tenantPolicies(), primaryKey({ name: 'outbox_cursors_pkey', columns: [t.tenantId, t.consumer] })],
);

/**
 * An event a consumer failed on. While `parked_at` is null the consumer waits on it (the
 * commune's later events wait too, to keep their order) and retries from `next_attempt_at`;
 * after its last attempt it is parked: the consumer moves on, and the row stays for the operator.
 */
export const outboxFailures = pgTable(
  'outbox_failures',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => communes.id, { onDelete: 'cascade' }),
    consumer: text('consumer').notNull(),
    eventId: uuid('event_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    attempts: integer('attempts').notNull().default(1),
    lastError: text('last_error').notNull(),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    parkedAt: timestamp('parked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    ...tenantPolicies(),
    primaryKey({ name: 'outbox_failures_pkey', columns: [t.tenantId, t.consumer, t.eventId] }),
    uniqueIndex('outbox_failures_waiting_key')
      .on(t.tenantId, t.consumer)
      .where(sql`parked_at is null`),
  ],
);
