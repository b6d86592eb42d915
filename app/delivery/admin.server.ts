import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '#db/client.ts';
import { outboundMessages } from '#db/schema/index.ts';
import { CHANNELS, type Channel, type MessageStatus } from '#domain/delivery.ts';

/**
 * What the operator's delivery view (/admin/messages) and the dev mailbox (/dev/mail) read.
 * outbound_messages is platform data request code has no grant on: these run on the owner
 * connection, behind the `messages.view` permission (or the dev mailbox's own gate).
 */

export type ChannelCounts = { channel: Channel; sent: number; failed: number; bounced: number; kept: number; queued: number; suppressed: number };
export type DeliveryCounts = { last24h: ChannelCounts[]; last7d: ChannelCounts[] };

const zero = (channel: Channel): ChannelCounts => ({ channel, sent: 0, failed: 0, bounced: 0, kept: 0, queued: 0, suppressed: 0 });

/** Messages by channel and status, created in the last 24 hours and the last 7 days before `now`. */
export async function deliveryCounts(db: Db, now: Date = new Date()): Promise<DeliveryCounts> {
  const dayAgo = new Date(now.getTime() - 24 * 3600_000);
  const weekAgo = new Date(now.getTime() - 7 * 24 * 3600_000);
  const rows = await db
    .select({
      channel: outboundMessages.channel,
      status: outboundMessages.status,
      day: sql<number>`count(*) filter (where ${outboundMessages.createdAt} >= ${dayAgo.toISOString()})::int`,
      week: sql<number>`count(*)::int`,
    })
    .from(outboundMessages)
    .where(and(gte(outboundMessages.createdAt, weekAgo), sql`${outboundMessages.createdAt} <= ${now.toISOString()}`))
    .groupBy(outboundMessages.channel, outboundMessages.status);
  const last24h = CHANNELS.map(zero);
  const last7d = CHANNELS.map(zero);
  for (const row of rows) {
    const i = CHANNELS.indexOf(row.channel);
    if (i < 0) continue;
    last24h[i]![row.status] += Number(row.day);
    last7d[i]![row.status] += Number(row.week);
  }
  return { last24h, last7d };
}

export type MessageSummary = {
  id: string;
  channel: Channel;
  to: string;
  subject: string | null;
  status: MessageStatus;
  providerAnswer: string | null;
  attempts: number;
  jobId: string | null;
  createdAt: Date;
  updatedAt: Date;
};

const summary = {
  id: outboundMessages.id,
  channel: outboundMessages.channel,
  to: outboundMessages.to,
  subject: outboundMessages.subject,
  status: outboundMessages.status,
  providerAnswer: outboundMessages.providerAnswer,
  attempts: outboundMessages.attempts,
  jobId: outboundMessages.jobId,
  createdAt: outboundMessages.createdAt,
  updatedAt: outboundMessages.updatedAt,
};

/** The latest failed or bounced messages of the last 7 days, newest first. */
export async function recentFailures(db: Db, limit = 20, now: Date = new Date()): Promise<MessageSummary[]> {
  return db
    .select(summary)
    .from(outboundMessages)
    .where(and(inArray(outboundMessages.status, ['failed', 'bounced']), gte(outboundMessages.updatedAt, new Date(now.getTime() - 7 * 24 * 3600_000))))
    .orderBy(desc(outboundMessages.updatedAt))
    .limit(limit);
}

/** Every message to this address or phone number (as typed: case and spaces do not matter), newest first. */
export async function messagesTo(db: Db, address: string, limit = 50): Promise<MessageSummary[]> {
  const typed = address.trim();
  const phone = typed.replace(/[\s().-]/g, '');
  return db
    .select(summary)
    .from(outboundMessages)
    .where(sql`lower(${outboundMessages.to}) = lower(${typed}) or ${outboundMessages.to} = ${phone}`)
    .orderBy(desc(outboundMessages.createdAt))
    .limit(limit);
}

/** The kept messages (no transport configured), newest first, for the dev mailbox. */
export async function keptMessages(db: Db, limit = 100): Promise<MessageSummary[]> {
  return db.select(summary).from(outboundMessages).where(eq(outboundMessages.status, 'kept')).orderBy(desc(outboundMessages.createdAt)).limit(limit);
}

/** One kept message with its parts and headers; null when there is none with this id. */
export async function keptMessage(db: Db, id: string) {
  const [row] = await db
    .select({ ...summary, body: outboundMessages.body, html: outboundMessages.html, headers: outboundMessages.headers, locale: outboundMessages.locale })
    .from(outboundMessages)
    .where(and(eq(outboundMessages.id, id), eq(outboundMessages.status, 'kept')));
  return row ?? null;
}
