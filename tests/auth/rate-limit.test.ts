import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimits } from '#db/schema/index.ts';
import { consumeLimits, LIMITS, retryAfterHeaders } from '~/lib/rate-limit.server.ts';
import { AppError } from '~/lib/errors.ts';
import { createTestDatabase, scopeFor, type TestDatabase } from '#tests/support/db.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});
const platform = () => scopeFor(database, null, null);

describe('request limits (kept in Postgres)', () => {
  it('lets a key spend its tries, then refuses it with the seconds to wait; other keys are unaffected', async () => {
    for (let i = 0; i < LIMITS.signUp.points; i++) await consumeLimits(platform(), [{ limit: 'signUp', key: '203.0.113.1' }]);
    const refused = await consumeLimits(platform(), [{ limit: 'signUp', key: '203.0.113.1' }]).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'too_many_requests', messageKey: 'common:errors.tooManyRequests' });
    const seconds = (refused as AppError).details!.retryAfterSeconds as number;
    expect(seconds).toBeGreaterThan(LIMITS.signUp.durationS - 60);
    expect(seconds).toBeLessThanOrEqual(LIMITS.signUp.durationS);
    expect(retryAfterHeaders(refused as AppError)).toEqual({ 'Retry-After': String(seconds) });
    await expect(consumeLimits(platform(), [{ limit: 'signUp', key: '203.0.113.2' }])).resolves.toBeUndefined();
    // The same key under another limit is another counter.
    await expect(consumeLimits(platform(), [{ limit: 'inquiryClient', key: '203.0.113.1' }])).resolves.toBeUndefined();
  });

  it('counts inquiries per client and per homestay: many clients together reach the homestay limit', async () => {
    const place = 'tenant-1:homestay-a';
    for (let i = 0; i < LIMITS.inquiryPlace.points; i++) {
      await consumeLimits(platform(), [
        { limit: 'inquiryClient', key: `198.51.100.${i}` },
        { limit: 'inquiryPlace', key: place },
      ]);
    }
    await expect(
      consumeLimits(platform(), [
        { limit: 'inquiryClient', key: '198.51.100.250' },
        { limit: 'inquiryPlace', key: place },
      ]),
    ).rejects.toMatchObject({
      code: 'too_many_requests',
    });
    // Another homestay still takes that client's question.
    await expect(
      consumeLimits(platform(), [
        { limit: 'inquiryClient', key: '198.51.100.251' },
        { limit: 'inquiryPlace', key: 'tenant-1:homestay-b' },
      ]),
    ).resolves.toBeUndefined();
  });

  it('stops at the first limit used up, and a refused request spends nothing: one client cannot close a homestay for everyone', async () => {
    const place = 'tenant-1:homestay-c';
    const flooder = '198.51.100.200';
    for (let i = 0; i < LIMITS.inquiryClient.points; i++)
      await consumeLimits(platform(), [
        { limit: 'inquiryClient', key: flooder },
        { limit: 'inquiryPlace', key: place },
      ]);
    for (let i = 0; i < 50; i++) {
      await expect(
        consumeLimits(platform(), [
          { limit: 'inquiryClient', key: flooder },
          { limit: 'inquiryPlace', key: place },
        ]),
      ).rejects.toMatchObject({ code: 'too_many_requests' });
    }
    // The homestay has spent only the flooder's accepted tries: the others still get through.
    for (let i = LIMITS.inquiryClient.points; i < LIMITS.inquiryPlace.points; i++) {
      await expect(
        consumeLimits(platform(), [
          { limit: 'inquiryClient', key: `203.0.113.${i}` },
          { limit: 'inquiryPlace', key: place },
        ]),
      ).resolves.toBeUndefined();
    }
  });

  it('starts a fresh window once the old one has ended', async () => {
    for (let i = 0; i < LIMITS.changePassword.points; i++) await consumeLimits(platform(), [{ limit: 'changePassword', key: 'user-1|192.0.2.1' }]);
    await expect(consumeLimits(platform(), [{ limit: 'changePassword', key: 'user-1|192.0.2.1' }])).rejects.toMatchObject({ code: 'too_many_requests' });
    await database.db.update(rateLimits).set({ expire: new Date(Date.now() - 1000) });
    await expect(consumeLimits(platform(), [{ limit: 'changePassword', key: 'user-1|192.0.2.1' }])).resolves.toBeUndefined();
  });

  it('stores hostile keys (NUL, lone surrogates, long slugs) without failing', async () => {
    for (const key of ['tenant:\u0000slug', 'tenant:\ud800', `tenant:${'đ'.repeat(5000)}`]) {
      await expect(consumeLimits(platform(), [{ limit: 'inquiryPlace', key }])).resolves.toBeUndefined();
    }
    const keys = (await database.db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key);
    expect(keys.every((key) => key.length <= 220 && !key.includes('\u0000'))).toBe(true);
  });
});
