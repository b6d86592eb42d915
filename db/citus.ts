/**
 * How Baan's tables would spread over a Citus cluster (ADR 013). Nothing runs this today: Baan
 * runs on one Postgres (or PGlite). It is the plan a move to Citus starts from, and
 * tests/tenancy/citus.test.ts holds the schema to it, so no table, policy or foreign key that
 * Citus would refuse slips in unnoticed.
 *
 * - Distributed by `tenant_id`, all co-located: every table with a `tenant_id` column. A
 *   commune's rows of every table live on the same node, so a request's work in one commune
 *   (`withTenant`) runs on one node, joins and foreign keys included.
 * - Reference tables (a full copy on every node): the platform tables, with no `tenant_id`:
 *   communes themselves, provinces, accounts and their sessions, the national handbook template,
 *   checkouts (a buyer's, across communes).
 *
 * Both lists are in creation order: a table comes after every table it references. Outside
 * `public`, `baan.sql_files` (which db/sql files are applied) and drizzle's migrations table stay
 * local tables on the coordinator, where the migrator runs.
 */

/** Platform tables: copied to every node. */
export const referenceTables = [
  'provinces',
  'users',
  'communes',
  'sessions',
  'sign_in_throttle',
  'known_devices',
  'rate_limits',
  'account_codes',
  'handbook_template_chapters',
  'handbook_template_articles',
  'checkouts',
  'notification_preferences',
  'outbox_consumers',
  'unsubscribe_tokens',
  'unsubscribed_addresses',
] as const;

/** Tenant tables: distributed by `tenant_id`, co-located with one another. */
export const distributedTables = [
  'media',
  'invitations',
  'memberships',
  'outbox_events',
  'outbox_sequences',
  'outbox_cursors',
  'outbox_failures',
  'handbook_chapters',
  'handbook_articles',
  'handbook_translations',
  'handbook_revisions',
  'handbook_checklists',
  'handbook_checklist_steps',
  'handbook_search',
  'contacts',
  'announcements',
  'feeds',
  'news_items',
  'feed_runs',
  'sellers',
  'seller_payouts',
  'seller_consent_requests',
  'seller_actions',
  'products',
  'product_search',
  'orders',
  'order_items',
  'order_events',
  'places',
  'tourism_events',
  'inquiries',
  'notifications',
] as const;

/**
 * Queues and the delivery log: local tables on the coordinator, where the job runner works (a queue's every write
 * would otherwise be copied to every node). Added to Citus's metadata so their foreign keys to
 * reference tables (a job's commune) keep holding.
 */
export const coordinatorTables = ['jobs', 'outbound_messages'] as const;

/** The distribution column of every distributed table. */
export const DISTRIBUTION_COLUMN = 'tenant_id';

/**
 * The statements that would turn a migrated Baan database on a Citus coordinator into the
 * layout above (run once, as the owner, after `npm run db:migrate`).
 */
export function citusDistributionSql(): string[] {
  const [anchor] = distributedTables;
  return [
    ...referenceTables.map((table) => `SELECT create_reference_table('public.${table}');`),
    ...coordinatorTables.map((table) => `SELECT citus_add_local_table_to_metadata('public.${table}');`),
    ...distributedTables.map((table) =>
      table === anchor
        ? `SELECT create_distributed_table('public.${table}', '${DISTRIBUTION_COLUMN}');`
        : `SELECT create_distributed_table('public.${table}', '${DISTRIBUTION_COLUMN}', colocate_with => 'public.${anchor}');`,
    ),
  ];
}
