import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgPolicy, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { NotificationKind, OptionalChannel } from '../../domain/notifications.ts';
import { users } from './auth.ts';
import { inTenant, ownRead } from './policies.ts';
import { communes } from './tenancy.ts';

/**
 * A person's inbox: one row per notification, in the commune the event happened in. The words
 * are not stored: `kind` + `params` are rendered at read time in the reader's language.
 *
 * Not the standard tenant policies: the commune may add rows (the outbox consumer works inside
 * the event's commune with no user) but not read them; the person reads and marks read their
 * own rows, in every commune (the inbox spans communes). So an official of a commune cannot read
 * the notifications of the commune's other members.
 */
export const notifications = pgTable(
  'notifications',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => communes.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<NotificationKind>().notNull(),
    /** What the text needs (names, references, amounts), rendered with the kind's locale key. */
    params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
    /** The page to open, a path on this site (e.g. /ta-van/market/orders/B-1234). */
    link: text('link').notNull(),
    /** The outbox event it came from: with the user, the key that makes a replay harmless. */
    sourceEventId: uuid('source_event_id').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    pgPolicy('tenant_insert', { as: 'permissive', for: 'insert', to: 'public', withCheck: inTenant }),
    ownRead('own_read', 'user_id'),
    pgPolicy('own_update', { as: 'permissive', for: 'update', to: 'public', using: sql`user_id = baan.user_id()`, withCheck: sql`user_id = baan.user_id()` }),
    primaryKey({ name: 'notifications_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('notifications_event_user_key').on(t.tenantId, t.sourceEventId, t.userId),
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unread_idx')
      .on(t.userId)
      .where(sql`read_at is null`),
  ],
);

/** A person's choice for one kind and channel; absent means the kind's default (domain/notifications.ts). */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<NotificationKind>().notNull(),
    channel: text('channel').$type<OptionalChannel>().notNull(),
    enabled: boolean('enabled').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'notification_preferences_pkey', columns: [t.userId, t.kind, t.channel] })],
);

/**
 * Unsubscribe links for mail and SMS to addresses (a guest's, or a person's for a non-essential
 * kind). Only the SHA-256 of the token is kept, and the address only as its SHA-256: the link
 * works without an account and leaks nothing if the table does.
 */
export const unsubscribeTokens = pgTable('unsubscribe_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  addressHash: text('address_hash').notNull(),
  kind: text('kind').$type<NotificationKind>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Addresses (hashed) that asked for no more of one kind. */
export const unsubscribedAddresses = pgTable(
  'unsubscribed_addresses',
  {
    addressHash: text('address_hash').notNull(),
    kind: text('kind').$type<NotificationKind>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'unsubscribed_addresses_pkey', columns: [t.addressHash, t.kind] })],
);
