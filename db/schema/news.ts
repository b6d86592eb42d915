import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantPolicies } from './policies.ts';
import { users } from './auth.ts';
import { communes, type LocaleText } from './tenancy.ts';

/** Who to call: the commune's officials and its community digital-technology team. */
export const contacts = pgTable(
  'contacts',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => communes.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    team: text('team').$type<'officials' | 'tech_team'>().notNull(),
    name: text('name').notNull(),
    role: jsonb('role').$type<LocaleText>().notNull().default({}),
    phone: text('phone'),
    zalo: text('zalo'),
    hours: jsonb('hours').$type<LocaleText>().notNull().default({}),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    ...tenantPolicies(),
    primaryKey({ name: 'contacts_pkey', columns: [t.tenantId, t.id] }),
    check('contacts_team_check', sql`${t.team} in ('officials', 'tech_team')`),
  ],
);

/** The commune's own notices: pinned ones first, gone after their expiry. */
export const announcements = pgTable(
  'announcements',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => communes.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    title: jsonb('title').$type<LocaleText>().notNull(),
    body: jsonb('body').$type<LocaleText>().notNull().default({}),
    pinned: boolean('pinned').notNull().default(false),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    ...tenantPolicies(),
    primaryKey({ name: 'announcements_pkey', columns: [t.tenantId, t.id] }),
    check('announcements_expiry_check', sql`${t.expiresAt} is null or ${t.expiresAt} > ${t.publishedAt}`),
  ],
);

/** RSS/Atom feeds of newspapers and magazines an official subscribed the commune to. */
export const feeds = pgTable(
  'feeds',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => communes.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    url: text('url').notNull(),
    title: text('title').notNull().default(''),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastRunAt: timestamp('last_run_at', { withTimezone: true }),
  },
  (t) => [...tenantPolicies(), primaryKey({ name: 'feeds_pkey', columns: [t.tenantId, t.id] }), uniqueIndex('feeds_url_key').on(t.tenantId, t.url)],
);

/** Imported items: title, summary, link and source only, never the article itself. */
export const newsItems = pgTable(
  'news_items',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    feedId: uuid('feed_id').notNull(),
    guid: text('guid').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    link: text('link'),
    source: text('source').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    ...tenantPolicies(),
    primaryKey({ name: 'news_items_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('news_items_guid_key').on(t.tenantId, t.feedId, t.guid),
    uniqueIndex('news_items_link_key').on(t.tenantId, t.link),
    index('news_items_recent_idx').on(t.tenantId, t.publishedAt),
    foreignKey({ name: 'news_items_feed_fk', columns: [t.tenantId, t.feedId], foreignColumns: [feeds.tenantId, feeds.id] }).onDelete('cascade'),
  ],
);

/** The import log: one row per feed per run, with what happened. */
export const feedRuns = pgTable(
  'feed_runs',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    feedId: uuid('feed_id').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    status: text('status').$type<'ok' | 'failed'>().notNull(),
    itemsSeen: integer('items_seen').notNull().default(0),
    itemsNew: integer('items_new').notNull().default(0),
    error: text('error'),
  },
  (t) => [
    ...tenantPolicies(),
    primaryKey({ name: 'feed_runs_pkey', columns: [t.tenantId, t.id] }),
    index('feed_runs_feed_idx').on(t.tenantId, t.feedId, t.startedAt),
    foreignKey({ name: 'feed_runs_feed_fk', columns: [t.tenantId, t.feedId], foreignColumns: [feeds.tenantId, feeds.id] }).onDelete('cascade'),
    check('feed_runs_status_check', sql`${t.status} in ('ok', 'failed')`),
  ],
);
