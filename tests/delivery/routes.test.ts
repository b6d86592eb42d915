import { randomUUID } from 'node:crypto';
import { RouterContextProvider } from 'react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '~/auth/session-user.ts';
import { loader as adminLoader } from '~/delivery/routes/admin-messages.tsx';
import { loader as devMailLoader } from '~/delivery/routes/dev-mail.tsx';
import { loader as devMessageLoader } from '~/delivery/routes/dev-mail-message.tsx';
import { communeContext, databaseContext, userContext } from '~/lib/context.ts';
import { resetEnv } from '~/lib/env.server.ts';
import { makeCommune, makeMember, makeUser } from '#tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/db.ts';

let database: TestDatabase;
let operator: SessionUser;
let official: SessionUser;
let keptId: string;
let sentId: string;
const saved = { NODE_ENV: process.env.NODE_ENV, DEV_MAILBOX: process.env.DEV_MAILBOX };

const asSession = (u: { id: string; email: string }, isOperator = false): SessionUser => ({
  id: u.id,
  email: u.email,
  displayName: u.email,
  isOperator,
  sessionId: 's',
  phone: null,
});

beforeAll(async () => {
  database = await createTestDatabase();
  operator = asSession(await makeUser(database), true);
  const commune = await makeCommune(database);
  const person = await makeUser(database);
  await makeMember(database, commune.id, person.id, 'official');
  official = asSession(person);
  const insert = async (status: string, to: string) =>
    (
      await database.query<{ id: string }>(
        `insert into outbound_messages (channel, ref, to_address, locale, subject, body, html, headers, status, provider_answer, job_id)
         values ('mail', $1, $2, 'vi', 'Mã xác minh', 'Mã của bạn: 482913', '<p>Mã của bạn: 482913</p>', '{"Message-ID":"<x@baan.test>"}', $3, $4, $5) returning id`,
        [randomUUID(), to, status, status === 'bounced' ? '550 5.1.1 User unknown' : null, randomUUID()],
      )
    )[0]!.id;
  keptId = await insert('kept', 'kept@example.org');
  sentId = await insert('sent', 'sent@example.org');
  await insert('bounced', 'gone@example.org');
});
afterAll(async () => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnv();
  await database.close();
});

const contextFor = (user: SessionUser | null) => {
  const context = new RouterContextProvider();
  context.set(databaseContext, database);
  context.set(userContext, user);
  context.set(communeContext, null);
  return context;
};
const args = (url: string, user: SessionUser | null, params: Record<string, string> = {}) =>
  ({ request: new Request(`http://localhost${url}`), context: contextFor(user), params, unstable_pattern: '' }) as never;

const statusOf = async (work: () => Promise<unknown>) => {
  try {
    await work();
    return 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    if (thrown && typeof thrown === 'object' && 'init' in thrown) return (thrown as { init: { status: number } }).init.status;
    throw thrown;
  }
};

const setEnv = (values: Record<string, string | undefined>) => {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnv();
};

describe('/admin/messages', () => {
  it('shows the operator counts, failures with the provider’s answer, and a search by address', async () => {
    const data = await adminLoader(args('/admin/messages?q=GONE@example.org', operator));
    expect(data.counts.last24h.find((c) => c.channel === 'mail')).toMatchObject({ sent: 1, bounced: 1, kept: 1 });
    expect(data.failures.map((f) => [f.to, f.providerAnswer])).toEqual([['gone@example.org', '550 5.1.1 User unknown']]);
    expect(data.failures[0]!.jobId).toMatch(/^[0-9a-f-]{36}$/);
    expect(data.found?.map((f) => f.to)).toEqual(['gone@example.org']);
  });

  it('answers an over-long search with a message, not an error', async () => {
    const data = await adminLoader(args(`/admin/messages?q=${'x'.repeat(300)}`, operator));
    expect(data.tooLong).toBe(true);
    expect(data.found).toBeNull();
  });

  it('does not exist for a commune official, and sends a signed-out visitor to sign in', async () => {
    expect(await statusOf(() => adminLoader(args('/admin/messages', official)))).toBe(404);
    expect(await statusOf(() => adminLoader(args('/admin/messages', null)))).toBe(302);
  });
});

describe('/dev/mail', () => {
  it('lists kept messages on a development build, to anyone on the machine', async () => {
    setEnv({ NODE_ENV: 'development', DEV_MAILBOX: undefined });
    const list = await devMailLoader(args('/dev/mail', null));
    expect(list.messages.map((m) => m.id)).toEqual([keptId]);
    const one = await devMessageLoader(args(`/dev/mail/${keptId}`, null, { id: keptId }));
    expect(one.message).toMatchObject({
      to: 'kept@example.org',
      body: 'Mã của bạn: 482913',
      html: '<p>Mã của bạn: 482913</p>',
      headers: [['Message-ID', '<x@baan.test>']],
    });
  });

  it('answers 404 for a sent message, or an id that is not one', async () => {
    setEnv({ NODE_ENV: 'development' });
    expect(await statusOf(() => devMessageLoader(args(`/dev/mail/${sentId}`, null, { id: sentId })))).toBe(404);
    expect(await statusOf(() => devMessageLoader(args('/dev/mail/nope', null, { id: 'nope' })))).toBe(404);
  });

  it('does not exist on a production build unless DEV_MAILBOX=1, and then for operators only', async () => {
    setEnv({ NODE_ENV: 'production', DEV_MAILBOX: undefined });
    expect(await statusOf(() => devMailLoader(args('/dev/mail', operator)))).toBe(404);
    setEnv({ NODE_ENV: 'production', DEV_MAILBOX: '1' });
    expect(await statusOf(() => devMailLoader(args('/dev/mail', null)))).toBe(302);
    expect(await statusOf(() => devMailLoader(args('/dev/mail', official)))).toBe(404);
    expect((await devMailLoader(args('/dev/mail', operator))).messages).toHaveLength(1);
  });
});
