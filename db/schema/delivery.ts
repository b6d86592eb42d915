import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { CHANNELS, MESSAGE_STATUSES, type Channel, type MessageStatus } from '../../domain/delivery.ts';
import { users } from './auth.ts';

const inList = (column: string, values: readonly string[]) => sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

/**
 * Every e-mail and SMS Baan sends (app/delivery/), one row per message, written by the job that
 * sends it on the owner connection. Platform data, not a commune's: request code has no grant on
 * it at all (the operator's view reads it through the owner connection), and it stays on the
 * coordinator under Citus beside the jobs that write it. The body is kept only for messages that
 * were kept instead of sent (no transport configured: the dev mailbox shows them); a sent
 * message keeps its subject, never its text (codes and links travel in it).
 */
export const outboundMessages = pgTable(
  'outbound_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: text('channel').$type<Channel>().notNull(),
    /** The sender's deduplication reference (the job's key; the mail's Message-ID). */
    ref: text('ref').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The e-mail address or E.164 phone number. */
    to: text('to_address').notNull(),
    locale: text('locale').notNull(),
    /** Mail only. */
    subject: text('subject'),
    /** The plain text (mail) or SMS text: for kept messages only. */
    body: text('body'),
    /** Mail's HTML part: for kept messages only. */
    html: text('html'),
    /** The headers the mail carries (Message-ID, List-Unsubscribe, …). */
    headers: jsonb('headers').$type<Record<string, string>>(),
    /** SMS: the segments it takes (as fitted). */
    segments: integer('segments'),
    status: text('status').$type<MessageStatus>().notNull().default('queued'),
    /** The last answer of the mail server or SMS gateway (or the error). */
    providerAnswer: text('provider_answer'),
    /** The provider's id for the accepted message. */
    providerId: text('provider_id'),
    attempts: integer('attempts').notNull().default(0),
    jobId: uuid('job_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('outbound_messages_channel_ref_key').on(t.channel, t.ref),
    index('outbound_messages_created_idx').on(t.createdAt),
    index('outbound_messages_to_idx').on(t.to),
    // A bounce report names its message by Message-ID (app/delivery/bounces.server.ts).
    index('outbound_messages_provider_idx').on(t.providerId),
    check('outbound_messages_channel_check', inList('channel', CHANNELS)),
    check('outbound_messages_status_check', inList('status', MESSAGE_STATUSES)),
  ],
);
