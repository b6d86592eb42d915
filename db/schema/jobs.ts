import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgPolicy, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { JOB_STATES, type JobState } from '../../domain/jobs.ts';
import { communes } from './tenancy.ts';

/**
 * Work to do after a commit (send a mail, relay the outbox, import a feed), run by the job runner
 * (app/jobs/). Request code adds rows in its own transaction, so a job exists exactly when the
 * change that asked for it committed. A queue, not tenant data: `commune_id` says in which
 * commune the job runs (null: platform work), and the table stays on the coordinator under Citus.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** The commune the job works in (it runs inside `withTenant` for it); null for platform work. */
    communeId: uuid('commune_id').references(() => communes.id, { onDelete: 'cascade' }),
    /** Deduplication: a second job with the same name and key is not added. */
    key: text('key'),
    /**
     * How long the key holds: 'ever' (the default: a second job with this name and key is never
     * added, even after the first is done) or 'queued' (only while one is waiting: for work that
     * recurs, such as relaying a commune's outbox).
     */
    keyScope: text('key_scope').$type<'ever' | 'queued'>().notNull().default('ever'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    state: text('state').$type<JobState>().notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(8),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    lockedBy: text('locked_by'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    // Request code (the app role) may only add jobs, for its own commune or the platform; the
    // runner works on the owner connection.
    pgPolicy('app_enqueue', {
      as: 'permissive',
      for: 'insert',
      to: 'public',
      withCheck: sql`commune_id is null or commune_id = baan.tenant_id()`,
    }),
    // The runner (the owner connection, bound by the forced RLS like everyone) reads, moves and
    // removes jobs of every commune. The app role holds no SELECT, UPDATE or DELETE privilege on
    // the table, so these open nothing to request code.
    pgPolicy('runner_read', { as: 'permissive', for: 'select', to: 'public', using: sql`true` }),
    pgPolicy('runner_update', { as: 'permissive', for: 'update', to: 'public', using: sql`true`, withCheck: sql`true` }),
    pgPolicy('runner_delete', { as: 'permissive', for: 'delete', to: 'public', using: sql`true` }),
    uniqueIndex('jobs_name_key_key')
      .on(t.name, t.key)
      .where(sql`key_scope = 'ever'`),
    uniqueIndex('jobs_name_queued_key_key')
      .on(t.name, t.key)
      .where(sql`key_scope = 'queued' and state = 'queued'`),
    index('jobs_due_idx')
      .on(t.runAt)
      .where(sql`state in ('queued', 'failed')`),
    index('jobs_lease_idx')
      .on(t.lockedUntil)
      .where(sql`state = 'running'`),
    check('jobs_key_scope_check', sql`key_scope in ('ever', 'queued')`),
    check('jobs_state_check', sql.raw(`state in (${JOB_STATES.map((s) => `'${s}'`).join(', ')})`)),
  ],
);
