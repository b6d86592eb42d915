import { and, eq, inArray, sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import type { Db } from '#db/client.ts';
import { outboundMessages } from '#db/schema/index.ts';
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

/** "rfc822; Lan@Example.VN" → "lan@example.vn". */
const addressOf = (field: string | undefined) => {
  const value = field?.includes(';') ? field.slice(field.indexOf(';') + 1) : field;
  const address = value?.trim().replace(/^<|>$/g, '').toLowerCase();
  return address && /^[^\s@]+@[^\s@]+$/.test(address) ? address : null;
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
    const recipient = addressOf(block.get('final-recipient')) ?? addressOf(block.get('original-recipient'));
    const action = block.get('action')?.toLowerCase();
    const status = /^[245]\.\d{1,3}\.\d{1,3}/.exec(block.get('status') ?? '')?.[0];
    if (recipient && action && status) recipients.push({ recipient, action, status, diagnostic: block.get('diagnostic-code')?.slice(0, 500) ?? null });
  }
  const returned = mail.attachments.find((a) => RETURNED_PARTS.includes(a.contentType.toLowerCase()));
  const messageId = returned ? (/^message-id:[ \t]*(<[^>\s]+>)/im.exec(returned.content.toString('utf8'))?.[1] ?? null) : null;
  const envelopeId = perMessage?.get('original-envelope-id')?.trim() || null;
  return { envelopeId, messageId, recipients };
}

export type BounceResult = { bounced: number; delayed: number; unmatched: number };

/**
 * Applies a report: a recipient that failed for good (5.x.x) marks its message `bounced`, with
 * the status and the server's words as the answer; a delay (4.x.x) is noted on the message, which
 * stays `sent`. Only the message the report names, to the address it names, is touched: a report
 * cannot mark anyone else's mail. A second copy of a report changes nothing more.
 */
export async function recordBounce(db: Db, dsn: Dsn, mailFrom: string): Promise<BounceResult> {
  const ids = [dsn.messageId, dsn.envelopeId && /^[0-9a-f]{40}$/.test(dsn.envelopeId) ? `<${dsn.envelopeId}@${mailDomain(mailFrom)}>` : null].filter(
    (id): id is string => Boolean(id),
  );
  const result: BounceResult = { bounced: 0, delayed: 0, unmatched: 0 };
  for (const r of dsn.recipients) {
    const failed = r.action === 'failed' && r.status.startsWith('5.');
    const delayed = r.action === 'delayed' || r.status.startsWith('4.');
    if (!failed && !delayed) continue;
    const answer = `DSN ${r.status} (${r.action})${r.diagnostic ? `: ${r.diagnostic}` : ''}`.slice(0, 1000);
    const changed =
      ids.length === 0
        ? []
        : await db
            .update(outboundMessages)
            .set(failed ? { status: 'bounced', providerAnswer: answer, updatedAt: sql`now()` } : { providerAnswer: answer, updatedAt: sql`now()` })
            .where(
              and(
                eq(outboundMessages.channel, 'mail'),
                inArray(outboundMessages.providerId, ids),
                sql`lower(${outboundMessages.to}) = ${r.recipient}`,
                failed ? inArray(outboundMessages.status, ['sent', 'failed', 'bounced']) : eq(outboundMessages.status, 'sent'),
              ),
            )
            .returning({ id: outboundMessages.id });
    if (changed.length === 0) result.unmatched++;
    else if (failed) result.bounced++;
    else result.delayed++;
  }
  return result;
}

/** How long a hard bounce keeps mail that is not essential from the address. */
export const BOUNCE_SUPPRESSION_DAYS = 30;

/** When `to` last bounced (within BOUNCE_SUPPRESSION_DAYS), or null: mail that is not essential is not sent to it meanwhile. */
export async function lastBounce(db: Db, to: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: outboundMessages.updatedAt })
    .from(outboundMessages)
    .where(
      and(
        eq(outboundMessages.channel, 'mail'),
        eq(outboundMessages.to, to),
        eq(outboundMessages.status, 'bounced'),
        sql`${outboundMessages.updatedAt} > now() - make_interval(days => ${BOUNCE_SUPPRESSION_DAYS})`,
      ),
    )
    .orderBy(sql`${outboundMessages.updatedAt} desc`)
    .limit(1);
  return row?.at ?? null;
}
