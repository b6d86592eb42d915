import { RouterContextProvider } from 'react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { action } from '~/admin/routes/jobs.tsx';
import type { SessionUser } from '~/auth/session-user.ts';
import { communeContext, databaseContext, userContext } from '~/lib/context.ts';
import { defineConsumer, forgetConsumer } from '~/outbox/relay.server.ts';
import { makeCommune, makeMember, makeUser } from '#tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/db.ts';

// The operator's buttons on /admin/jobs, through the route's action: "retry" for a dead job,
// "deliver again" for a parked outbox event. Anyone else is told there is no such page.

let database: TestDatabase;
let operator: SessionUser;
let official: SessionUser;
let communeId: string;
let eventId: string;
let deadJobId: string;

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
  communeId = commune.id;
  const person = await makeUser(database);
  await makeMember(database, commune.id, person.id, 'official');
  official = asSession(person);
  defineConsumer({ name: 'test.route-replay', handle: async () => {} });
  eventId = (
    await database.query<{ id: string }>(`insert into outbox_events (tenant_id, seq, type, payload) values ($1, 1, 'test.happened', '{}') returning id`, [
      communeId,
    ])
  )[0]!.id;
  await database.query(
    `insert into outbox_failures (tenant_id, consumer, event_id, seq, attempts, last_error, next_attempt_at, parked_at)
     values ($1, 'test.route-replay', $2, 1, 6, 'the template is missing', now(), now())`,
    [communeId, eventId],
  );
  deadJobId = (
    await database.query<{ id: string }>(
      `insert into jobs (name, payload, state, attempts, last_error) values ('test.route-dead', '{}', 'dead', 8, 'refused') returning id`,
    )
  )[0]!.id;
});
afterAll(async () => {
  forgetConsumer('test.route-replay');
  await database.close();
});

const post = async (user: SessionUser, fields: Record<string, string>) => {
  const context = new RouterContextProvider();
  context.set(databaseContext, database);
  context.set(userContext, user);
  context.set(communeContext, null);
  const request = new Request('http://localhost/admin/jobs', { method: 'POST', body: new URLSearchParams(fields) });
  try {
    const result = await action({ request, context, params: {}, unstable_pattern: '' } as never);
    if (result instanceof Response) return { status: result.status, body: null };
    const d = result as unknown as { init: { status?: number } | null; data: unknown };
    return { status: d.init?.status ?? 200, body: d.data };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: null };
    if (thrown && typeof thrown === 'object' && 'init' in thrown) return { status: (thrown as { init: { status: number } }).init.status, body: null };
    throw thrown;
  }
};
const replayJobs = () => database.query<{ state: string; commune_id: string }>(`select state, commune_id from jobs where name = 'outbox.replay'`);

describe('the job queue’s buttons', () => {
  it('are no page at all to an official', async () => {
    expect((await post(official, { intent: 'replay', communeId, consumer: 'test.route-replay', eventId })).status).toBe(404);
    expect((await post(official, { intent: 'retry', id: deadJobId })).status).toBe(404);
    expect(await replayJobs()).toEqual([]);
  });

  it('refuse what does not parse, or no parked event, with a message and no change', async () => {
    const bad = await post(operator, { intent: 'replay', communeId: 'not-a-uuid', consumer: 'test.route-replay', eventId });
    expect(bad).toMatchObject({ status: 400, body: { ok: false, errors: { communeId: 'jobs:errors.unknownEvent' } } });
    const other = await makeCommune(database);
    const elsewhere = await post(operator, { intent: 'replay', communeId: other.id, consumer: 'test.route-replay', eventId });
    expect(elsewhere).toMatchObject({ status: 400, body: { errors: { _form: 'jobs:errors.unknownEvent' } } });
    expect((await post(operator, { intent: 'delete', id: deadJobId })).status).toBe(400);
    expect(await replayJobs()).toEqual([]);
  });

  it('deliver a parked event again, in its commune, and retry a dead job', async () => {
    expect((await post(operator, { intent: 'replay', communeId, consumer: 'test.route-replay', eventId })).status).toBe(302);
    expect(await replayJobs()).toEqual([{ state: 'queued', commune_id: communeId }]);
    // A form from before the buttons had an intent is a retry.
    expect((await post(operator, { id: deadJobId })).status).toBe(302);
    expect(await database.query(`select state from jobs where id = $1`, [deadJobId])).toEqual([{ state: 'queued' }]);
  });
});
