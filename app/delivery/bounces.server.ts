import { and, eq, inArray, sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import type { Db } from '#db/client.ts';
import { outboundMessages, users } from '#db/schema/index.ts';
import { mailDomain } from './transports.server.ts';

/**
 * Bounces that come later (ADR 017). A mail server that accepted a message with 250 may still
 * fail to deliver it, and then mails a delivery status notification (DSN, RFC 3464: a
 * multipart/report with a message/delivery-status part) to the sender. Whatever receives that mail
 * (the provider's inbound webhook, a Postfix pipe to curl) posts it raw to /hooks/mail/bounces.
 * It names the message by the returned headers' Message-ID, or by the envelope id Baan asked
 * for (ENVID, where the server speaks DSN); each of its recipients says what happened.
 */

export type DsnRecipient = { recipient: string; action: string; status: string; diagnostic: string | null };
export type Dsn = { envelopeId: string | null; messageId: string | null; recipients: DsnRecipient[] };

const STATUS_PARTS = ['message/delivery-status', 'message/global-delivery-status'];
const RETURNED_PARTS = ['text/rfc822-headers', 'message/rfc822', 'message/global', 'message/global-headers'];

/** RFC 822-style field blocks ("Name: value", folded continuation lines), separated by blank lines; names lower-cased. */
function fieldBlocks(text: string): Map<string, string>[] {
  const blocks: Map<string, string>[] = [];
  for (const chunk of text.replace(/\r\n/g, '\n').split(/\n\s*\n/)) {
    const fields = new Map<string, string>();
    let last: string | null = null;
    for (const line of chunk.split('\n')) {
      if (/^[ \t]/.test(line) && last) {
        fields.set(last, `${fields.get(last)} ${line.trim()}`);
        continue;
      }
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      last = line.slice(0, colon).trim().toLowerCase();
      fields.set(last, line.slice(colon + 1).trim());
    }
    if (fields.size > 0) blocks.push(fields);
  }
  return blocks;
}

/** Control characters (NUL above all: Postgres text refuses it) as spaces: a report is written by servers nobody here controls. */
const clean = (text: string) =>
  text
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();

/** "rfc822; Lan+2BBaan@Example.VN" → "lan+baan@example.vn" (xtext, RFC 3461 §4, decoded). */
const addressOf = (field: string | undefined) => {
  const value = field?.includes(';') ? field.slice(field.indexOf(';') + 1) : field;
  const decoded = value?.replace(/\+([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const address = decoded ? clean(decoded).replace(/^<|>$/g, '').toLowerCase() : '';
  return /^[^\s@]+@[^\s@]+$/.test(address) ? address : null;
};

/** The report in a raw message, or null when it is no DSN. */
export async function parseDsn(raw: string | Buffer): Promise<Dsn | null> {
  // keepDeliveryStatus: the report's fields as a part of their own (mailparser folds them into the text otherwise).
  const mail = await simpleParser(raw, { keepDeliveryStatus: true, skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true });
  const report = mail.attachments.find((a) => STATUS_PARTS.includes(a.contentType.toLowerCase()));
  if (!report) return null;
  const [perMessage, ...perRecipient] = fieldBlocks(report.content.toString('utf8'));
  const recipients: DsnRecipient[] = [];
  for (const block of perRecipient) {
    // The address Baan sent to (ORCPT, which Baan gives) before the one it was forwarded to.
    const recipient = addressOf(block.get('original-recipient')) ?? addressOf(block.get('final-recipient'));
    const action = block.get('action')?.toLowerCase();
    const status = /^[245]\.\d{1,3}\.\d{1,3}/.exec(block.get('status') ?? '')?.[0];
    const diagnostic = block.get('diagnostic-code');
    if (recipient && action && status) recipients.push({ recipient, action, status, diagnostic: diagnostic ? clean(diagnostic).slice(0, 500) : null });
  }
  const returned = mail.attachments.find((a) => RETURNED_PARTS.includes(a.contentType.toLowerCase()));
  // The returned header section only (a whole returned message has a body after it), folded lines too.
  const headerSection = returned?.content.toString('utf8').split(/\r?\n\r?\n/, 1)[0] ?? '';
  const messageId = /^message-id:\s*(<[^>\s]+>)/im.exec(headerSection)?.[1] ?? null;
  const envelopeId = perMessage?.get('original-envelope-id')?.trim() || null;
  return { envelopeId, messageId, recipients };
}

export type BounceResult = { bounced: number; failed: number; delayed: number; repeated: number; unmatched: number };

/**
 * Applies a report. A recipient that failed for good (`failed`, 5.x.x) marks its message
 * `bounced` (and its address is spared mail that is not essential for a while); one that failed
 * after the relay gave up retrying (`failed`, 4.x.x) marks it `failed`: not delivered, but the
 * address may work another day. A delay (`delayed`) is noted; the message stays `sent`. Only
 * the message the report names, to the address it names, is touched: a report cannot mark anyone
 * else's mail. A report seen before changes nothing (`repeated`).
 */
export async function recordBounce(db: Db, dsn: Dsn, mailFrom: string): Promise<BounceResult> {
  const ids = [dsn.messageId, dsn.envelopeId && /^[0-9a-f]{40}$/.test(dsn.envelopeId) ? `<${dsn.envelopeId}@${mailDomain(mailFrom)}>` : null].filter(
    (id): id is string => Boolean(id),
  );
  const result: BounceResult = { bounced: 0, failed: 0, delayed: 0, repeated: 0, unmatched: 0 };
  for (const r of dsn.recipients) {
    const outcome = r.action === 'failed' ? (r.status.startsWith('5.') ? 'bounced' : 'failed') : r.action === 'delayed' ? 'delayed' : null;
    if (!outcome) continue;
    if (ids.length === 0) {
      result.unmatched++;
      continue;
    }
    const answer = `DSN ${r.status} (${r.action})${r.diagnostic ? `: ${r.diagnostic}` : ''}`.slice(0, 1000);
    const theMessage = and(
      eq(outboundMessages.channel, 'mail'),
      inArray(outboundMessages.providerId, ids),
      sql`lower(${outboundMessages.to}) = ${r.recipient}`,
    );
    const changed = await db
      .update(outboundMessages)
      .set(outcome === 'delayed' ? { providerAnswer: answer, updatedAt: sql`now()` } : { status: outcome, providerAnswer: answer, updatedAt: sql`now()` })
      .where(
        and(
          theMessage,
          outcome === 'bounced' ? inArray(outboundMessages.status, ['sent', 'failed']) : eq(outboundMessages.status, 'sent'),
          sql`${outboundMessages.providerAnswer} is distinct from ${answer}`,
        ),
      )
      .returning({ id: outboundMessages.id });
    if (changed.length > 0) result[outcome]++;
    else if ((await db.select({ id: outboundMessages.id }).from(outboundMessages).where(theMessage)).length > 0) result.repeated++;
    else result.unmatched++;
  }
  return result;
}

/** How long a hard bounce keeps mail that is not essential from the address. */
export const BOUNCE_SUPPRESSION_DAYS = 30;

/**
 * When `to` last bounced (within BOUNCE_SUPPRESSION_DAYS, and since an account last proved the
 * address: proving it again lifts the suppression), or null. Mail that is not essential is not
 * sent to it meanwhile (`suppressed`); only real bounces count, so suppressed mail never prolongs it.
 */
export async function lastBounce(db: Db, to: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: outboundMessages.updatedAt })
    .from(outboundMessages)
    .where(
      and(
        eq(outboundMessages.channel, 'mail'),
        eq(outboundMessages.to, to.toLowerCase()),
        eq(outboundMessages.status, 'bounced'),
        sql`${outboundMessages.updatedAt} > now() - make_interval(days => ${BOUNCE_SUPPRESSION_DAYS})`,
        sql`${outboundMessages.updatedAt} > coalesce((select max(${users.emailVerifiedAt}) from ${users} where ${users.email} = ${to.toLowerCase()}), '-infinity')`,
      ),
    )
    .orderBy(sql`${outboundMessages.updatedAt} desc`)
    .limit(1);
  return row?.at ?? null;
}
