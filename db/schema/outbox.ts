import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantPolicies } from './policies.ts';
import { communes } from './tenancy.ts';

/**
 * The outbox: every change others must hear about writes one row here in the same
 * transaction as the change itself. A worker (a later issue) delivers them.
 */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => communes.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    type: text('type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    actorUserId: uuid('actor_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [
    ...tenantPolicies(),
    primaryKey({ name: 'outbox_events_pkey', columns: [t.tenantId, t.id] }),
    index('outbox_events_undelivered_idx')
      .on(t.createdAt)
      .where(sql`delivered_at is null`),
  ],
);
