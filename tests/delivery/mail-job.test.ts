import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { mailJob, runMailJob } from '~/delivery/jobs.server.ts';
import { MAIL_JOB, type MailJob } from '~/delivery/messages.ts';
import { closeMailTransports, messageIdFor } from '~/delivery/transports.server.ts';
import { jobDefinition, PermanentJobError, type JobContext } from '~/jobs/queue.server.ts';
import { resetEnv } from '~/lib/env.server.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/db.ts';
import { startSmtpSink, type SmtpSink } from '#tests/support/smtp-sink.ts';

let database: TestDatabase;
let sink: SmtpSink;
const saved = { SMTP_URL: process.env.SMTP_URL, MAIL_FROM: process.env.MAIL_FROM };
const FROM = 'Baan <no-reply@baan.test>';

beforeAll(async () => {
  database = await createTestDatabase();
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  process.env.MAIL_FROM = FROM;
  resetEnv();
});
afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(async () => {
  closeMailTransports();
  await sink.close();
  await database.close();
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnv();
});

const context = (payload: Record<string, unknown>, attempt = 1): JobContext<Record<string, unknown>> => ({
  db: database.db,
  tenantId: null,
  payload,
  attempt,
  jobId: randomUUID(),
  signal: new AbortController().signal,
});

const mail = (overrides: Partial<MailJob> = {}): MailJob => ({
  ref: `test:${randomUUID()}`,
  to: `${randomUUID().slice(0, 8)}@example.org`,
  locale: 'vi',
  subject: 'Đơn hàng mới: mật ong bạc hà',
  lines: ['Có đơn hàng mới cho gian hàng của bạn.'],
  action: { label: 'Xem đơn hàng', url: 'https://baan.example.org/ta-van/market/orders/B-77' },
  essential: false,
  unsubscribeUrl: 'https://baan.example.org/unsubscribe/t-1',
  ...overrides,
});

const rowOf = async (ref: string) =>
  (
    await database.query<{
      id: string;
      status: string;
      provider_answer: string | null;
      attempts: number;
      body: string | null;
      html: string | null;
      headers: Record<string, string> | null;
      job_id: string;
      sent_at: Date | null;
    }>(`select id, status, provider_answer, attempts, body, html, headers, job_id, sent_at from outbound_messages where channel = 'mail' and ref = $1`, [ref])
  )[0];

describe('mail.send against a real SMTP server on loopback', () => {
  it('is a registered job kind', () => {
    expect(jobDefinition(MAIL_JOB)).toBe(mailJob);
  });

  it('delivers the HTML and text parts, from MAIL_FROM, with a Message-ID made from the ref and one-click unsubscribe headers', async () => {
    const job = mail();
    const ctx = context(job);
    await runMailJob(ctx);
    const [received] = sink.to(job.to);
    expect(received).toBeDefined();
    const parsed = received!.parsed;
    expect(parsed.subject).toBe(job.subject);
    expect(parsed.from?.value).toEqual([{ name: 'Baan', address: 'no-reply@baan.test' }]);
    expect(received!.envelopeFrom).toBe('no-reply@baan.test');
    expect(parsed.html).toContain('<html lang="vi"');
    expect(parsed.html).toContain('Xem đơn hàng');
    expect(parsed.text).toContain('Xem đơn hàng: https://baan.example.org/ta-van/market/orders/B-77');
    expect(parsed.messageId).toBe(await messageIdFor(job.ref, FROM));
    expect(parsed.messageId).toMatch(/^<[0-9a-f]{40}@baan\.test>$/);
    expect(received!.headers['list-unsubscribe']).toBe('<https://baan.example.org/unsubscribe/t-1>');
    expect(received!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');

    const row = await rowOf(job.ref);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, body: null, html: null, job_id: ctx.jobId });
    expect(row!.provider_answer).toMatch(/^250 /);
    expect(row!.sent_at).not.toBeNull();
  });

  it('sends essential mail without List-Unsubscribe', async () => {
    const job = mail({ essential: true });
    await runMailJob(context(job));
    const [received] = sink.to(job.to);
    expect(received!.headers['list-unsubscribe']).toBeUndefined();
    expect(received!.headers['list-unsubscribe-post']).toBeUndefined();
    expect(received!.parsed.text).not.toContain('unsubscribe');
  });

  it('does not send a message twice when its job runs again after it was sent', async () => {
    const job = mail();
    await runMailJob(context(job));
    await runMailJob(context(job, 2));
    expect(sink.to(job.to)).toHaveLength(1);
    expect(await rowOf(job.ref)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('sends again with the same Message-ID when the process died between sending and recording', async () => {
    const job = mail();
    await runMailJob(context(job));
    // As if the crash came before the row said "sent".
    await database.query(`update outbound_messages set status = 'queued', sent_at = null where channel = 'mail' and ref = $1`, [job.ref]);
    await runMailJob(context(job, 2));
    const copies = sink.to(job.to);
    expect(copies).toHaveLength(2);
    expect(copies[1]!.parsed.messageId).toBe(copies[0]!.parsed.messageId);
    expect(await rowOf(job.ref)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('marks a recipient the server refuses with 550 as bounced and ends the job for good', async () => {
    const job = mail();
    sink.refuse(job.to);
    const error = await runMailJob(context(job)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentJobError);
    expect((error as Error).message).toContain('550');
    expect(sink.to(job.to)).toHaveLength(0);
    const row = await rowOf(job.ref);
    expect(row!.status).toBe('bounced');
    expect(row!.provider_answer).toContain('550');
    expect(row!.provider_answer).toContain('User unknown');
  });

  it('lets a 451 (try again later) fail the attempt for a retry, and sends on the next one', async () => {
    const job = mail();
    sink.failTemporarily(job.to, 1);
    const error = await runMailJob(context(job)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(PermanentJobError);
    const failed = await rowOf(job.ref);
    expect(failed!.status).toBe('failed');
    expect(failed!.provider_answer).toContain('451');

    await runMailJob(context(job, 2));
    expect(sink.to(job.to)).toHaveLength(1);
    expect(await rowOf(job.ref)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('records a server that cannot be reached as failed, for a retry', async () => {
    process.env.SMTP_URL = 'smtp://127.0.0.1:9';
    resetEnv();
    try {
      const job = mail();
      const error = await runMailJob(context(job)).catch((e: unknown) => e);
      expect(error).not.toBeInstanceOf(PermanentJobError);
      const row = await rowOf(job.ref);
      expect(row!.status).toBe('failed');
      expect(row!.provider_answer).toMatch(/ECONNECTION|ECONNREFUSED/);
    } finally {
      process.env.SMTP_URL = sink.url;
      resetEnv();
    }
  });

  it('ends a job whose payload does not parse for good, recording nothing', async () => {
    const ref = `test:${randomUUID()}`;
    const error = await runMailJob(context({ ref, to: 'not an address', locale: 'vi', subject: 'x', lines: ['x'], essential: true })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentJobError);
    expect(await rowOf(ref)).toBeUndefined();
  });

  it('refuses for good a mail that is not essential and has no unsubscribe link (a sender’s mistake)', async () => {
    const job = mail({ unsubscribeUrl: undefined });
    const error = await runMailJob(context(job)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentJobError);
    expect((error as Error).message).toContain('unsubscribeUrl');
    expect(sink.to(job.to)).toHaveLength(0);
  });

  it('sends to no one’s account when the account was deleted since the job was added', async () => {
    const job = mail({ userId: randomUUID() });
    await runMailJob(context(job));
    expect(sink.to(job.to)).toHaveLength(1);
    const [row] = await database.query<{ user_id: string | null }>(`select user_id from outbound_messages where ref = $1`, [job.ref]);
    expect(row!.user_id).toBeNull();
  });
});

describe('mail.send without SMTP_URL: kept, never dropped', () => {
  it('keeps the message with its parts and headers, and says in one log line where to read it', async () => {
    delete process.env.SMTP_URL;
    resetEnv();
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    try {
      const job = mail({ lines: ['Mã xác minh của bạn là 482913.'] });
      const before = sink.received.length;
      await runMailJob(context(job));
      expect(sink.received.length).toBe(before);
      const row = await rowOf(job.ref);
      expect(row!.status).toBe('kept');
      expect(row!.body).toContain('Mã xác minh của bạn là 482913.');
      expect(row!.html).toContain('<html lang="vi"');
      expect(row!.headers).toMatchObject({
        To: job.to,
        'Message-ID': await messageIdFor(job.ref, FROM),
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      });
      expect(info).toHaveBeenCalledTimes(1);
      const line = String(info.mock.calls[0]![0]);
      expect(line).toContain(`/dev/mail/${row!.id}`);
      expect(line).toContain('SMTP_URL');
      expect(line).not.toContain('482913');
      // Kept is final: running again keeps it once.
      await runMailJob(context(job, 2));
      expect(await rowOf(job.ref)).toMatchObject({ status: 'kept', attempts: 1 });
    } finally {
      process.env.SMTP_URL = sink.url;
      resetEnv();
    }
  });
});
