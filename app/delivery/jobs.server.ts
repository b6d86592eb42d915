import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { Db } from '#db/client.ts';
import { outboundMessages } from '#db/schema/index.ts';
import type { Channel, MessageStatus } from '#domain/delivery.ts';
import { defineJob, PermanentJobError, type JobContext } from '~/jobs/queue.server.ts';
import { defineSchedule } from '~/jobs/schedules.server.ts';
import { env } from '~/lib/env.server.ts';
import { lastBounce } from './bounces.server.ts';
import { renderMail, unsubscribeUrlOf } from './mail-render.ts';
import { MAIL_JOB, mailJobSchema, SMS_JOB, smsJobSchema, type MailJob, type SmsJob } from './messages.ts';
import { fitSms } from './sms-text.ts';
import { configuredSmsProvider, mailHeaders, MailRefusedError, messageIdFor, sendMail, SmsRefusedError, type SmsProvider } from './transports.server.ts';

/**
 * The jobs `mail.send` and `sms.send` (payloads in ./messages.ts). Each run:
 * 1. parses the payload (one that does not parse is dead at once: retrying cannot mend it);
 * 2. finds or adds the message's row in outbound_messages by (channel, ref), and stops if the
 *    message was already sent, kept or bounced (a retry after a crash between sending and
 *    recording: the mail's Message-ID and the SMS gateway's idempotency key are the ref's too);
 * 3. sends it — or, with no transport configured, keeps it (status `kept`, readable at
 *    /dev/mail, and a line in the log) — and records the outcome and the provider's answer.
 * A refusal for good (SMTP 5xx, gateway 4xx) marks the message `bounced` and the job dead; any
 * other failure marks it `failed` with the answer and throws, so the runner tries again with
 * back-off (after the last attempt it stays `failed`, and the job `dead`).
 */

export const MAIL_MAX_ATTEMPTS = 8;
export const SMS_MAX_ATTEMPTS = 6;
/** An SMS longer than this many segments is shortened (app/delivery/sms-text.ts). */
export const SMS_MAX_SEGMENTS = 3;

const DONE: readonly MessageStatus[] = ['sent', 'kept', 'bounced', 'suppressed'];
const ANSWER_LIMIT = 1000;

type Row = { id: string; status: MessageStatus };

async function openMessage(
  db: Db,
  channel: Channel,
  fields: { ref: string; to: string; locale: string; subject?: string; userId?: string; segments?: number },
  jobId: string,
): Promise<Row> {
  // One statement in the usual case: the row is added, or (a retry) its attempt counted. A row
  // already sent, kept or bounced is left as it is (`setWhere`), returns nothing, and is read.
  const [row] = await db
    .insert(outboundMessages)
    .values({
      channel,
      ref: fields.ref,
      to: fields.to,
      locale: fields.locale,
      subject: fields.subject ?? null,
      segments: fields.segments ?? null,
      // An account deleted since the job was added: the message is still sent, to no one's account.
      userId: fields.userId ? sql`(select id from users where id = ${fields.userId})` : null,
      jobId,
      attempts: 1,
    })
    .onConflictDoUpdate({
      target: [outboundMessages.channel, outboundMessages.ref],
      set: { attempts: sql`${outboundMessages.attempts} + 1`, jobId, updatedAt: sql`now()` },
      setWhere: notInArray(outboundMessages.status, [...DONE]),
    })
    .returning({ id: outboundMessages.id, status: outboundMessages.status });
  if (row) return row;
  const [done] = await db
    .select({ id: outboundMessages.id, status: outboundMessages.status })
    .from(outboundMessages)
    .where(and(eq(outboundMessages.channel, channel), eq(outboundMessages.ref, fields.ref)));
  return done!;
}

type Outcome = Partial<Pick<typeof outboundMessages.$inferInsert, 'body' | 'html' | 'headers' | 'providerAnswer' | 'providerId' | 'sentAt'>> & {
  status: MessageStatus;
};

async function record(db: Db, id: string, outcome: Outcome): Promise<void> {
  await db
    .update(outboundMessages)
    .set({ ...outcome, providerAnswer: outcome.providerAnswer?.slice(0, ANSWER_LIMIT), updatedAt: sql`now()` })
    .where(eq(outboundMessages.id, id));
}

const describeError = (error: unknown) => {
  const e = error as { message?: string; code?: string; response?: string };
  return [e.code, e.response ?? e.message ?? String(error)].filter(Boolean).join(': ');
};

function parse<T>(
  schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: { message: string } } },
  payload: unknown,
  kind: string,
): T {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw new PermanentJobError(`${kind} payload does not parse: ${parsed.error.message}`);
  return parsed.data;
}

/** One line in the log per kept message: where to read it (never its text: codes travel in it). */
function keptNotice(channel: Channel, to: string, id: string): void {
  const where = env.devMailbox
    ? `read it at /dev/mail/${id}`
    : `it is in the table outbound_messages (set DEV_MAILBOX=1 to read it at /dev/mail as an operator)`;
  const setting = channel === 'mail' ? 'SMTP_URL' : 'SMS_GATEWAY_URL';
  console.info(`Baan ${channel === 'mail' ? 'mail' : 'SMS'} to ${to} kept, not sent (no ${setting}): ${where}.`);
}

/** Sends (or keeps) one mail job. Exported for tests, which call it with their own JobContext. */
export async function runMailJob(context: JobContext<Record<string, unknown>>): Promise<void> {
  const mail: MailJob = parse(mailJobSchema, context.payload, MAIL_JOB);
  if (!mail.essential && !mail.unsubscribeUrl) throw new PermanentJobError(`${MAIL_JOB} ${mail.ref}: mail that is not essential needs an unsubscribeUrl`);
  const row = await openMessage(context.db, 'mail', { ...mail, subject: mail.subject }, context.jobId);
  if (DONE.includes(row.status)) return;

  // An address that bounced lately gets only what is essential (a reset, a verification):
  // more mail to it would bounce too, and bounces cost the sender its good name with mail providers.
  const bounced = mail.essential ? null : await lastBounce(context.db, mail.to);
  if (bounced) {
    await record(context.db, row.id, { status: 'suppressed', providerAnswer: `not sent: this address bounced on ${bounced.toISOString()}` });
    return;
  }

  const rendered = renderMail(mail);
  const messageId = await messageIdFor(mail.ref, env.mailFrom);
  const headers = mailHeaders(unsubscribeUrlOf(mail));

  if (!env.smtpUrl) {
    await record(context.db, row.id, {
      status: 'kept',
      body: rendered.text,
      html: rendered.html,
      headers: { From: env.mailFrom, To: mail.to, Subject: mail.subject, 'Message-ID': messageId, ...headers },
    });
    keptNotice('mail', mail.to, row.id);
    return;
  }
  try {
    const accepted = await sendMail(env.smtpUrl, env.mailFrom, { to: mail.to, subject: mail.subject, rendered, headers, messageId });
    await record(context.db, row.id, { status: 'sent', providerAnswer: accepted.answer, providerId: accepted.providerId, sentAt: new Date() });
  } catch (error) {
    if (error instanceof MailRefusedError) {
      await record(context.db, row.id, { status: 'bounced', providerAnswer: error.message });
      throw new PermanentJobError(`mail to ${mail.to} refused: ${error.message}`);
    }
    await record(context.db, row.id, { status: 'failed', providerAnswer: describeError(error) });
    throw error;
  }
}

/** Sends (or keeps) one SMS job; `provider` defaults to the configured gateway (tests pass their own). */
export async function runSmsJob(context: JobContext<Record<string, unknown>>, provider: SmsProvider | null = configuredSmsProvider()): Promise<void> {
  const sms: SmsJob = parse(smsJobSchema, context.payload, SMS_JOB);
  const fitted = fitSms(sms.text, sms.locale, { maxSegments: SMS_MAX_SEGMENTS, keep: sms.stop });
  const row = await openMessage(context.db, 'sms', { ...sms, segments: fitted.segments }, context.jobId);
  if (DONE.includes(row.status)) return;

  if (!provider) {
    await record(context.db, row.id, { status: 'kept', body: fitted.text });
    keptNotice('sms', sms.to, row.id);
    return;
  }
  try {
    const accepted = await provider.send(sms.to, fitted.text, sms.ref, { unicode: fitted.encoding === 'ucs2', signal: context.signal });
    await record(context.db, row.id, { status: 'sent', providerAnswer: accepted.answer, providerId: accepted.providerId, sentAt: new Date() });
  } catch (error) {
    if (error instanceof SmsRefusedError) {
      await record(context.db, row.id, { status: 'bounced', providerAnswer: error.message });
      throw new PermanentJobError(`SMS to ${sms.to} refused: ${error.message}`);
    }
    await record(context.db, row.id, { status: 'failed', providerAnswer: describeError(error) });
    throw error;
  }
}

export const mailJob = defineJob<Record<string, unknown>>({
  name: MAIL_JOB,
  handler: (context) => runMailJob(context),
  maxAttempts: MAIL_MAX_ATTEMPTS,
  timeoutMs: 120_000,
});
export const smsJob = defineJob<Record<string, unknown>>({
  name: SMS_JOB,
  handler: (context) => runSmsJob(context),
  maxAttempts: SMS_MAX_ATTEMPTS,
  timeoutMs: 60_000,
});

/** How long the delivery log keeps a message (ADR 017). */
export const MESSAGE_RETENTION_DAYS = 90;

/** Deletes messages older than `days` (by their last change); returns how many. For a daily scheduled job. */
export async function pruneOutboundMessages(db: Db, now: Date = new Date(), days = MESSAGE_RETENTION_DAYS): Promise<number> {
  const deleted = await db
    .delete(outboundMessages)
    .where(sql`${outboundMessages.updatedAt} < ${new Date(now.getTime() - days * 24 * 3600_000).toISOString()}`)
    .returning({ id: outboundMessages.id });
  return deleted.length;
}

/** The daily clean-up of the delivery log. */
export const PRUNE_MESSAGES_JOB = 'delivery.prune';
export const pruneMessagesJob = defineJob<Record<string, unknown>>({
  name: PRUNE_MESSAGES_JOB,
  handler: async ({ db }) => {
    await pruneOutboundMessages(db);
  },
  maxAttempts: 3,
});

/** Daily at 02:30 UTC, once however many workers run. */
export const pruneMessagesSchedule = defineSchedule({ name: PRUNE_MESSAGES_JOB, every: 'day', at: 150, job: pruneMessagesJob });

/** Said once at start: which messages will be kept rather than sent, and where to read them. */
export function deliveryNotice(): string | null {
  const kept = [!env.smtpUrl && 'mail (no SMTP_URL)', !env.smsGateway && 'SMS (no SMS_GATEWAY_URL)'].filter(Boolean);
  if (kept.length === 0) return null;
  const where = env.devMailbox
    ? 'read them at /dev/mail'
    : 'they are in the table outbound_messages; set DEV_MAILBOX=1 to read them at /dev/mail as an operator';
  return `Baan keeps ${kept.join(' and ')} instead of sending: ${where}.`;
}
