import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runSmsJob, smsJob } from '~/delivery/jobs.server.ts';
import { SMS_JOB, type SmsJob } from '~/delivery/messages.ts';
import { configuredSmsProvider, httpSmsProvider, type SmsProvider } from '~/delivery/transports.server.ts';
import { jobDefinition, PermanentJobError, type JobContext } from '~/jobs/queue.server.ts';
import { resetEnv } from '~/lib/env.server.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/db.ts';
import { startSmsGateway, type SmsGatewayFake } from '#tests/support/sms-gateway.ts';

let database: TestDatabase;
let gateway: SmsGatewayFake;
let provider: SmsProvider;
const saved = { SMS_GATEWAY_URL: process.env.SMS_GATEWAY_URL, SMS_GATEWAY_TOKEN: process.env.SMS_GATEWAY_TOKEN };

beforeAll(async () => {
  database = await createTestDatabase();
  gateway = await startSmsGateway({ token: 'tok-sms-1' });
  provider = httpSmsProvider({ url: gateway.url, token: gateway.token });
});
afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(async () => {
  await gateway.close();
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

let phoneCounter = 0;
const sms = (overrides: Partial<SmsJob> = {}): SmsJob => ({
  ref: `test:${randomUUID()}`,
  to: `+8491234${String(5000 + phoneCounter++).padStart(4, '0')}`,
  locale: 'vi',
  text: 'Mã xác minh Baan của bạn là 482913. Đừng chia sẻ mã này với ai.',
  ...overrides,
});

const rowOf = async (ref: string) =>
  (
    await database.query<{
      id: string;
      status: string;
      provider_answer: string | null;
      provider_id: string | null;
      attempts: number;
      segments: number;
      body: string | null;
    }>(`select id, status, provider_answer, provider_id, attempts, segments, body from outbound_messages where channel = 'sms' and ref = $1`, [ref])
  )[0];

describe('sms.send against a fake gateway on loopback', () => {
  it('is a registered job kind', () => {
    expect(jobDefinition(SMS_JOB)).toBe(smsJob);
  });

  it('posts the fitted text with the bearer token and records the gateway’s id', async () => {
    const job = sms();
    await runSmsJob(context(job), provider);
    expect(gateway.to(job.to)).toEqual([
      {
        to: job.to,
        text: 'Ma xac minh Baan cua ban la 482913. Dung chia se ma nay voi ai.',
        ref: job.ref,
        unicode: false,
        id: expect.stringMatching(/^fake-\d+$/),
        authorization: 'Bearer tok-sms-1',
      },
    ]);
    const row = await rowOf(job.ref);
    expect(row).toMatchObject({ status: 'sent', segments: 1, attempts: 1, body: null, provider_id: gateway.to(job.to)[0]!.id });
    expect(row!.provider_answer).toMatch(/^202 /);
  });

  it('sends Thai as unicode', async () => {
    const job = sms({ to: '+66812345678', locale: 'th', text: 'รหัสยืนยัน Baan ของคุณคือ 482913' });
    await runSmsJob(context(job), provider);
    expect(gateway.to(job.to)[0]).toMatchObject({ text: 'รหัสยืนยัน Baan ของคุณคือ 482913', unicode: true });
  });

  it('reads the gateway from SMS_GATEWAY_URL and SMS_GATEWAY_TOKEN', async () => {
    process.env.SMS_GATEWAY_URL = gateway.url;
    process.env.SMS_GATEWAY_TOKEN = gateway.token;
    resetEnv();
    try {
      const job = sms();
      await runSmsJob(context(job));
      expect(gateway.to(job.to)).toHaveLength(1);
    } finally {
      delete process.env.SMS_GATEWAY_URL;
      delete process.env.SMS_GATEWAY_TOKEN;
      resetEnv();
    }
  });

  it('sends once however often its job runs', async () => {
    const job = sms();
    await runSmsJob(context(job), provider);
    await runSmsJob(context(job, 2), provider);
    expect(gateway.to(job.to)).toHaveLength(1);
  });

  it('fails the attempt on a 500, for a retry, and sends on the next one', async () => {
    const job = sms();
    gateway.answerWith(500);
    const error = await runSmsJob(context(job), provider).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(PermanentJobError);
    const failed = await rowOf(job.ref);
    expect(failed!.status).toBe('failed');
    expect(failed!.provider_answer).toContain('500');
    expect(failed!.provider_answer).toContain('upstream operator unavailable');

    await runSmsJob(context(job, 2), provider);
    expect(await rowOf(job.ref)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('ends the job for good on a 400, with the gateway’s answer', async () => {
    const job = sms();
    gateway.answerWith(400);
    const error = await runSmsJob(context(job), provider).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentJobError);
    const row = await rowOf(job.ref);
    expect(row!.status).toBe('bounced');
    expect(row!.provider_answer).toContain('invalid destination number');
    expect(gateway.to(job.to)).toHaveLength(0);
  });

  it('retries, not bounces, when Baan’s token is wrong (the operator fixes the setting)', async () => {
    const job = sms();
    const wrong = httpSmsProvider({ url: gateway.url, token: 'not-the-token' });
    const error = await runSmsJob(context(job), wrong).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(PermanentJobError);
    expect(gateway.requests.at(-1)).toEqual({ authorization: 'Bearer not-the-token', status: 401 });
    expect((await rowOf(job.ref))!.status).toBe('failed');
  });

  it('records a gateway that cannot be reached as failed', async () => {
    const job = sms();
    const down = httpSmsProvider({ url: 'http://127.0.0.1:9/send', token: 't' });
    const error = await runSmsJob(context(job), down).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(PermanentJobError);
    expect((await rowOf(job.ref))!.status).toBe('failed');
  });

  it('ends a job whose payload does not parse for good', async () => {
    const error = await runSmsJob(context({ ref: 'x', to: '0912345678', locale: 'vi', text: 'hi' }), provider).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentJobError);
  });
});

describe('sms.send without SMS_GATEWAY_URL: kept', () => {
  it('keeps the fitted text and logs where to read it', async () => {
    delete process.env.SMS_GATEWAY_URL;
    resetEnv();
    expect(configuredSmsProvider()).toBeNull();
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const job = sms();
    await runSmsJob(context(job));
    const row = await rowOf(job.ref);
    expect(row).toMatchObject({ status: 'kept', body: 'Ma xac minh Baan cua ban la 482913. Dung chia se ma nay voi ai.', segments: 1 });
    expect(String(info.mock.calls[0]![0])).toContain('SMS_GATEWAY_URL');
    expect(String(info.mock.calls[0]![0])).not.toContain('482913');
  });
});
