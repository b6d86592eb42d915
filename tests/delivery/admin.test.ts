import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '#db/scope.ts';
import { pruneOutboundMessages } from '~/delivery/jobs.server.ts';
import { deliveryCounts, keptMessage, keptMessages, messagesTo, recentFailures } from '~/delivery/admin.server.ts';
import { makeCommune } from '#tests/factories/index.ts';
import { sqlStateOf } from '#tests/support/errors.ts';
import { createTestDatabase, scopeFor, type TestDatabase } from '#tests/support/db.ts';

let database: TestDatabase;
const now = new Date('2026-12-05T12:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000).toISOString();

beforeAll(async () => {
  database = await createTestDatabase();
  const rows: [string, string, string, number, string | null][] = [
    // channel, to, status, hours ago, answer
    ['mail', 'a@example.org', 'sent', 1, '250 OK'],
    ['mail', 'a@example.org', 'sent', 30, '250 OK'],
    ['mail', 'b@example.org', 'bounced', 2, '550 5.1.1 User unknown'],
    ['mail', 'c@example.org', 'failed', 50, '451 try later'],
    ['mail', 'old@example.org', 'failed', 24 * 8, '451 old'],
    ['sms', '+84912345678', 'sent', 3, '202 {"id":"g-1"}'],
    ['sms', '+84912345678', 'failed', 4, '500 upstream'],
    ['sms', '+66812345678', 'kept', 5, null],
  ];
  for (const [channel, to, status, hours, answer] of rows) {
    await database.query(
      `insert into outbound_messages (channel, ref, to_address, locale, subject, body, html, status, provider_answer, attempts, job_id, created_at, updated_at)
       values ($1, $2, $3, 'vi', $4, $5, $6, $7, $8, 1, $9, $10, $10)`,
      [
        channel,
        randomUUID(),
        to,
        channel === 'mail' ? 'Tiêu đề' : null,
        status === 'kept' ? 'Ma xac minh 123456' : null,
        null,
        status,
        answer,
        randomUUID(),
        hoursAgo(hours),
      ],
    );
  }
});
afterAll(async () => {
  await database.close();
});

describe('the operator’s delivery view', () => {
  it('counts messages by channel and status over the last 24 hours and 7 days', async () => {
    const counts = await deliveryCounts(database.db, now);
    expect(counts.last24h).toEqual([
      { channel: 'mail', sent: 1, failed: 0, bounced: 1, kept: 0, queued: 0, suppressed: 0 },
      { channel: 'sms', sent: 1, failed: 1, bounced: 0, kept: 1, queued: 0, suppressed: 0 },
    ]);
    expect(counts.last7d).toEqual([
      { channel: 'mail', sent: 2, failed: 1, bounced: 1, kept: 0, queued: 0, suppressed: 0 },
      { channel: 'sms', sent: 1, failed: 1, bounced: 0, kept: 1, queued: 0, suppressed: 0 },
    ]);
  });

  it('lists the week’s failures newest first with the provider’s answer and job id', async () => {
    const failures = await recentFailures(database.db, 20, now);
    expect(failures.map((f) => [f.to, f.status, f.providerAnswer])).toEqual([
      ['b@example.org', 'bounced', '550 5.1.1 User unknown'],
      ['+84912345678', 'failed', '500 upstream'],
      ['c@example.org', 'failed', '451 try later'],
    ]);
    expect(failures.every((f) => typeof f.jobId === 'string')).toBe(true);
  });

  it('finds messages by address, whatever the case, and by phone number as typed', async () => {
    expect((await messagesTo(database.db, ' A@Example.org ')).map((m) => m.status)).toEqual(['sent', 'sent']);
    expect(await messagesTo(database.db, '+84 912 345 678')).toHaveLength(2);
    expect(await messagesTo(database.db, 'nobody@example.org')).toEqual([]);
  });

  it('reads kept messages with their text for the dev mailbox, and nothing else by id', async () => {
    const kept = await keptMessages(database.db);
    expect(kept).toHaveLength(1);
    expect((await keptMessage(database.db, kept[0]!.id))!.body).toBe('Ma xac minh 123456');
    const [sent] = await messagesTo(database.db, 'a@example.org');
    expect(await keptMessage(database.db, sent!.id)).toBeNull();
  });

  it('is out of request code’s reach: the app role cannot read or write the table', async () => {
    const commune = await makeCommune(database);
    const read = await withTenant(scopeFor(database, commune.id, null), (tx) => tx.execute('select count(*) from outbound_messages')).catch(sqlStateOf);
    expect(read, 'permission denied').toBe('42501');
    const write = await withTenant(scopeFor(database, commune.id, null), (tx) =>
      tx.execute(`insert into outbound_messages (channel, ref, to_address, locale) values ('mail', 'x', 'x@example.org', 'vi')`),
    ).catch(sqlStateOf);
    expect(write, 'permission denied').toBe('42501');
  });

  it('forgets messages after the retention period, and only those', async () => {
    const count = async () => (await database.query<{ n: number }>('select count(*)::int as n from outbound_messages'))[0]!.n;
    const before = await count();
    expect(await pruneOutboundMessages(database.db, now, 7)).toBe(1); // the 8-day-old failure
    expect(await count()).toBe(before - 1);
    expect(await pruneOutboundMessages(database.db, now, 7)).toBe(0);
  });
});
