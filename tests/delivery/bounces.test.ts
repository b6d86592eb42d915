import { randomUUID } from 'node:crypto';
import { RouterContextProvider } from 'react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDsn } from '~/delivery/bounces.server.ts';
import { runMailJob } from '~/delivery/jobs.server.ts';
import type { MailJob } from '~/delivery/messages.ts';
import { action, loader } from '~/delivery/routes/bounces.ts';
import { closeMailTransports, messageIdFor } from '~/delivery/transports.server.ts';
import type { JobContext } from '~/jobs/queue.server.ts';
import { communeContext, databaseContext, userContext } from '~/lib/context.ts';
import { resetEnv } from '~/lib/env.server.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/db.ts';
import { startSmtpSink, type SmtpSink } from '#tests/support/smtp-sink.ts';

// Bounces that come after the mail server said 250: the relay mails a delivery status
// notification back (RFC 3464); whatever receives it posts it to /hooks/mail/bounces. Here the
// SMTP sink plays the relay: it accepts the mail, then makes the report a real one would.

let database: TestDatabase;
let sink: SmtpSink;
const TOKEN = 'a-random-secret-of-forty-characters-0123';
const FROM = 'Baan <no-reply@baan.test>';
const keys = ['SMTP_URL', 'MAIL_FROM', 'MAIL_BOUNCE_TOKEN'] as const;
const saved = Object.fromEntries(keys.map((k) => [k, process.env[k]]));

beforeAll(async () => {
  database = await createTestDatabase();
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  process.env.MAIL_FROM = FROM;
  process.env.MAIL_BOUNCE_TOKEN = TOKEN;
  resetEnv();
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

const run = (payload: MailJob) =>
  runMailJob({ db: database.db, tenantId: null, payload, attempt: 1, jobId: randomUUID(), signal: new AbortController().signal } as JobContext<
    Record<string, unknown>
  >);
const mail = (to: string, overrides: Partial<MailJob> = {}): MailJob => ({
  ref: `test:${randomUUID()}`,
  to,
  locale: 'en',
  subject: 'A new order: mint honey',
  lines: ['Your shop has a new order. Reset code 482913 would never be returned in a report.'],
  essential: false,
  unsubscribeUrl: 'https://baan.example.org/unsubscribe/t-1',
  ...overrides,
});
const rowOf = async (ref: string) =>
  (await database.query<{ status: string; provider_answer: string | null }>(`select status, provider_answer from outbound_messages where ref = $1`, [ref]))[0];

const post = async (body: string | Buffer, headers: Record<string, string> = { Authorization: `Bearer ${TOKEN}` }) => {
  const context = new RouterContextProvider();
  context.set(databaseContext, database);
  context.set(userContext, null);
  context.set(communeContext, null);
  const request = new Request('http://localhost/hooks/mail/bounces', {
    method: 'POST',
    body: typeof body === 'string' ? body : new Uint8Array(body),
    headers: { 'Content-Type': 'message/rfc822', ...headers },
  });
  const response = (await action({ request, context, params: {}, unstable_pattern: '' } as never)) as Response;
  return {
    status: response.status,
    type: response.headers.get('Content-Type'),
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
};

describe('a bounce that comes later', () => {
  it('asks the relay for a report naming the message by its envelope id, with the headers only', async () => {
    const job = mail(`quiet.${randomUUID().slice(0, 6)}@example.org`);
    await run(job);
    const [received] = sink.to(job.to);
    const messageId = await messageIdFor(job.ref, FROM);
    expect(received!.dsn).toEqual({ envelopeId: messageId.slice(1, messageId.indexOf('@')), ret: 'HDRS' });
  });

  it('reads the report: who, what happened, and which message (headers returned, or the envelope id)', async () => {
    const to = `gone.${randomUUID().slice(0, 6)}@example.org`;
    sink.bounceLater(to);
    const job = mail(to);
    await run(job);
    const report = sink.bounces.at(-1)!;
    // The report carries the headers only: not the text, with its links and codes.
    expect(report).not.toContain('482913');
    const dsn = await parseDsn(report);
    const messageId = await messageIdFor(job.ref, FROM);
    expect(dsn).toEqual({
      envelopeId: messageId.slice(1, messageId.indexOf('@')),
      messageId,
      recipients: [
        {
          recipient: to,
          action: 'failed',
          status: '5.1.1',
          diagnostic: `smtp; 550 5.1.1 <${to}>: Recipient address rejected: User unknown in virtual mailbox table`,
        },
      ],
    });
    expect(await parseDsn('From: a@example.org\r\nSubject: hello\r\n\r\nJust a mail.\r\n')).toBeNull();
  });

  it('marks the message bounced once, through the hook; the report of another address touches nothing', async () => {
    const to = `nobody.${randomUUID().slice(0, 6)}@example.org`;
    sink.bounceLater(to);
    const job = mail(to);
    await run(job);
    expect(await rowOf(job.ref)).toMatchObject({ status: 'sent' });
    const report = sink.bounces.at(-1)!;
    expect(await post(report)).toMatchObject({ status: 200, body: { bounced: 1, failed: 0, delayed: 0, repeated: 0, unmatched: 0 } });
    const row = await rowOf(job.ref);
    expect(row!.status).toBe('bounced');
    expect(row!.provider_answer).toBe(`DSN 5.1.1 (failed): smtp; 550 5.1.1 <${to}>: Recipient address rejected: User unknown in virtual mailbox table`);
    // The same report again changes nothing, not even the row's time.
    const [before] = await database.query<{ updated_at: Date }>(`select updated_at from outbound_messages where ref = $1`, [job.ref]);
    expect(await post(report)).toMatchObject({ status: 200, body: { bounced: 0, repeated: 1 } });
    const [after] = await database.query<{ updated_at: Date }>(`select updated_at from outbound_messages where ref = $1`, [job.ref]);
    expect(after!.updated_at).toEqual(before!.updated_at);

    // A report that names this message but another recipient cannot mark it (or anyone's).
    const other = mail(`someone.${randomUUID().slice(0, 6)}@example.org`);
    await run(other);
    const forged = report
      .replaceAll(to, 'someone.else@example.org')
      .replace(/Original-Envelope-Id: [0-9a-f]+/, `Original-Envelope-Id: ${(await messageIdFor(other.ref, FROM)).slice(1, 41)}`);
    expect(await post(forged)).toMatchObject({ status: 200, body: { bounced: 0, unmatched: 1 } });
    expect(await rowOf(other.ref)).toMatchObject({ status: 'sent' });
  });

  it('reads the address Baan sent to (Original-Recipient, xtext-decoded) before the one it was forwarded to, and strips control characters', async () => {
    const to = `lan+baan.${randomUUID().slice(0, 6)}@example.org`;
    sink.bounceLater(to);
    const job = mail(to);
    await run(job);
    const forwarded = sink.bounces
      .at(-1)!
      .replace(`Final-Recipient: rfc822; ${to}`, 'Final-Recipient: rfc822; lan.forwarded@gmail.example')
      .replace(`Original-Recipient: rfc822;${to}`, `Original-Recipient: rfc822;${to.replace('+', '+2B')}`)
      .replace('Diagnostic-Code: smtp; 550', 'Diagnostic-Code: smtp; \u0000550');
    expect(await post(forwarded)).toMatchObject({ status: 200, body: { bounced: 1 } });
    expect((await rowOf(job.ref))!.provider_answer).toMatch(/^DSN 5\.1\.1 \(failed\): smtp; 550 5\.1\.1/);
  });

  it('counts a relay that gave up after retrying (failed, 4.x.x) as not delivered, without sparing the address', async () => {
    const to = `gaveup.${randomUUID().slice(0, 6)}@example.org`;
    sink.bounceLater(to);
    const job = mail(to);
    await run(job);
    const gaveUp = sink.bounces.at(-1)!.replace('Status: 5.1.1', 'Status: 4.4.7');
    expect(await post(gaveUp)).toMatchObject({ status: 200, body: { bounced: 0, failed: 1 } });
    expect((await rowOf(job.ref))!).toMatchObject({ status: 'failed', provider_answer: expect.stringMatching(/^DSN 4\.4\.7 \(failed\)/) });
    const next = mail(to);
    await run(next);
    expect((await rowOf(next.ref))!.status).toBe('sent');
  });

  it('notes a delay on the message, which stays sent', async () => {
    const to = `slow.${randomUUID().slice(0, 6)}@example.org`;
    sink.bounceLater(to);
    const job = mail(to);
    await run(job);
    const delayed = sink.bounces.at(-1)!.replace('Action: failed', 'Action: delayed').replace('Status: 5.1.1', 'Status: 4.4.1');
    expect(await post(delayed)).toMatchObject({ status: 200, body: { bounced: 0, delayed: 1 } });
    expect((await rowOf(job.ref))!).toMatchObject({ status: 'sent', provider_answer: expect.stringMatching(/^DSN 4\.4\.1 \(delayed\)/) });
  });

  it('then sends that address only what is essential, for 30 days from the bounce (or until the address is proven again)', async () => {
    const to = `bounced.${randomUUID().slice(0, 6)}@example.org`;
    sink.bounceLater(to);
    await run(mail(to));
    await post(sink.bounces.at(-1)!);
    const before = sink.to(to).length;
    const news = mail(to);
    await run(news);
    expect(sink.to(to)).toHaveLength(before);
    expect((await rowOf(news.ref))!).toMatchObject({ status: 'suppressed', provider_answer: expect.stringMatching(/^not sent: this address bounced on /) });
    // A password reset still goes: it is how the person mends the account.
    const reset = mail(to, { essential: true, unsubscribeUrl: undefined, subject: 'Set a new password for Baan' });
    await run(reset);
    expect(sink.to(to)).toHaveLength(before + 1);
    // Suppressed mail does not prolong it: past 30 days from the bounce itself, mail goes again.
    await database.query(`update outbound_messages set updated_at = now() - interval '31 days' where to_address = $1 and status = 'bounced'`, [to]);
    const later = mail(to);
    await run(later);
    expect((await rowOf(later.ref))!.status).toBe('sent');

    // An account that proves the address again (a new verification) lifts it at once.
    const proven = `proven.${randomUUID().slice(0, 6)}@example.org`;
    sink.bounceLater(proven);
    await run(mail(proven));
    await post(sink.bounces.at(-1)!);
    const spared = mail(proven);
    await run(spared);
    expect((await rowOf(spared.ref))!.status).toBe('suppressed');
    await database.query(`insert into users (email, display_name, password_hash, email_verified_at) values ($1, 'Proven', 'x', now() + interval '1 second')`, [
      proven,
    ]);
    const again = mail(proven);
    await run(again);
    expect((await rowOf(again.ref))!.status).toBe('sent');
  });
});

describe('the hook', () => {
  it('refuses a missing or wrong secret (401), what is no report (400), and too much (413), as problems, changing nothing', async () => {
    const to = `guarded.${randomUUID().slice(0, 6)}@example.org`;
    sink.bounceLater(to);
    const job = mail(to);
    await run(job);
    const report = sink.bounces.at(-1)!;
    const none = await post(report, {});
    expect(none).toMatchObject({ status: 401, type: 'application/problem+json', body: { code: 'unauthorized', status: 401 } });
    expect(none.headers.get('WWW-Authenticate')).toContain('Bearer');
    expect((await post(report, { Authorization: `Bearer ${TOKEN.slice(0, -1)}x` })).status).toBe(401);
    expect((await post(report, { Authorization: 'Basic ' + Buffer.from(`bounces:${TOKEN}x`).toString('base64') })).status).toBe(401);
    expect(await post('hello')).toMatchObject({ status: 400, body: { code: 'not_a_dsn' } });
    expect(await post(Buffer.alloc(600 * 1024, 'a'))).toMatchObject({ status: 413, body: { code: 'too_large' } });
    expect((await rowOf(job.ref))!.status).toBe('sent');
    // Basic, for services that only take credentials in the URL.
    expect(await post(report, { Authorization: 'Basic ' + Buffer.from(`bounces:${TOKEN}`).toString('base64') })).toMatchObject({
      status: 200,
      body: { bounced: 1 },
    });
  });

  it('does not exist without MAIL_BOUNCE_TOKEN, and takes no GET', async () => {
    const get = loader() as Response;
    expect(get.status).toBe(405);
    expect(get.headers.get('Allow')).toBe('POST');
    delete process.env.MAIL_BOUNCE_TOKEN;
    resetEnv();
    try {
      expect((await post('anything')).status).toBe(404);
      expect((loader() as Response).status).toBe(404);
    } finally {
      process.env.MAIL_BOUNCE_TOKEN = TOKEN;
      resetEnv();
    }
  });
});
