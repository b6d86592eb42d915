// The notification pages' loaders and actions, called as React Router calls them (a request and a
// context with the database, the person and the language), on a real database.
import { RouterContextProvider } from 'react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '~/auth/session-user.ts';
import { provideTranslator } from '~/i18n/translator.server.ts';
import { databaseContext, userContext } from '~/lib/context.ts';
import { resetEnv } from '~/lib/env.server.ts';
import { isCrossSiteMutation, isOneClickUnsubscribe } from '~/lib/security.server.ts';
import { handleNotificationEvent } from '~/notifications/consumer.server.ts';
import { countUnread, getPreferences } from '~/notifications/inbox.server.ts';
import * as inboxRoute from '~/notifications/routes/inbox.tsx';
import * as preferencesRoute from '~/notifications/routes/preferences.tsx';
import * as unsubscribeRoute from '~/notifications/routes/unsubscribe.tsx';
import { withTenant } from '#db/scope.ts';
import { places } from '#db/schema/index.ts';
import { ownerInTenant } from '#db/scope.ts';
import { makeCommune, makeUser } from '#tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/db.ts';

let database: TestDatabase;
let commune: { id: string; slug: string };
let alice: { id: string; email: string };
let bob: { id: string; email: string };

async function contextFor(request: Request, user: { id: string; email: string } | null) {
  const context = new RouterContextProvider();
  context.set(databaseContext, database);
  const session: SessionUser | null = user ? { id: user.id, email: user.email, displayName: 'Alice', phone: null, isOperator: false, sessionId: 'test' } : null;
  context.set(userContext, session);
  await provideTranslator(request, context);
  return context;
}

const post = (path: string, fields: Record<string, string>) =>
  new Request(`http://localhost${path}?lng=en`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
const get = (path: string) => new Request(`http://localhost${path}${path.includes('?') ? '&' : '?'}lng=en`);

/** Runs a loader or action; a thrown Response (redirect, 404) is returned like a returned one. */
async function run<T>(work: () => Promise<T>): Promise<T | Response> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Response) return error;
    if (error && typeof error === 'object' && 'init' in error) return error as T; // notFound(): data(…, { status: 404 })
    throw error;
  }
}
const statusOf = (result: unknown) => (result instanceof Response ? result.status : ((result as { init?: { status?: number } }).init?.status ?? 200));
const dataOf = <T>(result: unknown) => ((result as { data?: T }).data ?? result) as T;

beforeAll(async () => {
  process.env.PUBLIC_URL = 'https://baan.example.org';
  resetEnv();
  database = await createTestDatabase();
  commune = await makeCommune(database);
  alice = await makeUser(database, { locale: 'en' });
  bob = await makeUser(database);
  // Alice asks as a guest and gets a reply with an unsubscribe link; she also has inbox rows.
  await ownerInTenant(database.db, commune.id, (tx) =>
    tx.insert(places).values({ tenantId: commune.id, slug: 'homestay', kind: 'homestay', published: true, name: { vi: 'Nhà Sàn' }, lat: 22, lon: 104 }),
  );
  const [inquiry] = await ownerInTenant(database.db, commune.id, async (tx) => {
    const [place] = await tx.select({ id: places.id }).from(places);
    return tx.execute<{ id: string }>(
      `insert into inquiries (tenant_id, place_id, check_in, check_out, guests, name, email, locale) values ('${commune.id}', '${place!.id}', '2099-01-01', '2099-01-02', 1, 'Guest', 'guest@example.org', 'en') returning id` as never,
    );
  }).then((r) => (Array.isArray(r) ? r : (r as { rows: { id: string }[] }).rows));
  for (const [type, payload] of [
    ['inquiry.replied', { inquiryId: inquiry!.id, message: 'Welcome' }],
    ['member.recovery_code_issued', { userId: alice.id, issuedBy: bob.id }],
    ['member.recovery_code_issued', { userId: alice.id, issuedBy: bob.id }],
  ] as const) {
    const event = { id: crypto.randomUUID(), tenantId: commune.id, seq: 1, type, payload, actorUserId: bob.id, createdAt: new Date() };
    await withTenant({ db: database.db, tenantId: commune.id, userId: null }, (tx) => handleNotificationEvent(tx, event));
  }
});
afterAll(async () => {
  await database.close();
  delete process.env.PUBLIC_URL;
  resetEnv();
});

describe('/notifications', () => {
  it('sends a signed-out visitor to sign in', async () => {
    const request = get('/notifications');
    const result = await run(async () => inboxRoute.loader({ request, context: await contextFor(request, null), params: {} } as never));
    expect(statusOf(result)).toBe(302);
    expect((result as Response).headers.get('Location')).toMatch(/^\/login\?redirectTo=/);
  });

  it('lists the person’s notifications in their language; “open” marks one read and goes to its page; another’s id is a 404', async () => {
    const request = get('/notifications?page=nonsense');
    const list = dataOf<Awaited<ReturnType<typeof inboxRoute.loader>>>(
      await inboxRoute.loader({ request, context: await contextFor(request, alice), params: {} } as never),
    );
    expect(list.page).toBe(1);
    expect(list.items).toHaveLength(2);
    expect(list.items[0]!.text).toMatch(/^An official of Test Commune \d+ issued you a recovery code\.$/);
    const bobs = await run(async () => {
      const r = post('/notifications', { intent: 'open', id: list.items[0]!.id });
      return inboxRoute.action({ request: r, context: await contextFor(r, bob), params: {} } as never);
    });
    expect(statusOf(bobs)).toBe(404);
    const opened = await run(async () => {
      const r = post('/notifications', { intent: 'open', id: list.items[0]!.id });
      return inboxRoute.action({ request: r, context: await contextFor(r, alice), params: {} } as never);
    });
    expect((opened as Response).headers.get('Location')).toBe('/account');
    expect(await countUnread(database.db, alice.id)).toBe(1);
    const all = await run(async () => {
      const r = post('/notifications', { intent: 'readAll' });
      return inboxRoute.action({ request: r, context: await contextFor(r, alice), params: {} } as never);
    });
    expect((all as Response).headers.get('Location')).toBe('/notifications');
    expect(await countUnread(database.db, alice.id)).toBe(0);
    const nonsense = await run(async () => {
      const r = post('/notifications', { intent: 'explode', id: 'x' });
      return inboxRoute.action({ request: r, context: await contextFor(r, alice), params: {} } as never);
    });
    expect(statusOf(nonsense)).toBe(404);
  });
});

describe('/account/notifications', () => {
  it('saves the ticked boxes; an unticked box is off; essential e-mail stays on', async () => {
    const r = post('/account/notifications', { 'order_rated.email': 'on', 'order_placed.sms': 'on', 'bogus.sms': 'on' });
    const result = await run(async () => preferencesRoute.action({ request: r, context: await contextFor(r, alice), params: {} } as never));
    expect(statusOf(result)).toBe(302);
    const prefs = await getPreferences(database.db, alice.id);
    expect(prefs.order_rated).toEqual({ email: true, sms: false });
    expect(prefs.order_placed).toEqual({ email: true, sms: true }); // essential: e-mail on though not sent
    expect(prefs.inquiry_received).toEqual({ email: false, sms: false });
  });
});

describe('/unsubscribe/:token', () => {
  it('asks on GET, unsubscribes on POST (even a cross-site one-click POST), and says so for an unknown token', async () => {
    const [job] = await database.query<{ payload: { unsubscribeUrl: string } }>(`select payload from jobs where payload->>'to' = 'guest@example.org'`);
    const path = new URL(job!.payload.unsubscribeUrl).pathname;
    const token = path.split('/').at(-1)!;
    const asked = await unsubscribeRoute.loader({ request: get(path), context: await contextFor(get(path), null), params: { token } } as never);
    expect(dataOf<{ kind: string; done: boolean }>(asked)).toMatchObject({ kind: 'Reply from a homestay', done: false });
    const oneClick = new Request(`http://localhost${path}?lng=en`, {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://mail.example.com', 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(isCrossSiteMutation(oneClick)).toBe(true);
    expect(isOneClickUnsubscribe(oneClick)).toBe(true);
    const done = await unsubscribeRoute.action({ request: oneClick, context: await contextFor(oneClick, null), params: { token } } as never);
    expect(dataOf<{ done: boolean }>(done).done).toBe(true);
    const [row] = await database.query<{ n: number }>(`select count(*)::int as n from unsubscribed_addresses`);
    expect(row!.n).toBe(1);
    const unknown = await unsubscribeRoute.loader({
      request: get('/unsubscribe/zzzzzzzzzzzzzzzzzzzz'),
      context: await contextFor(get('/'), null),
      params: { token: 'zzzzzzzzzzzzzzzzzzzz' },
    } as never);
    expect(statusOf(unknown)).toBe(404);
  });

  it('lets no other cross-site POST through', () => {
    const cross = { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' };
    for (const path of ['/notifications', '/unsubscribe/short', '/unsubscribe/aaaaaaaaaaaaaaaaaaaa/x', '/account/notifications'])
      expect(isOneClickUnsubscribe(new Request(`http://localhost${path}`, { method: 'POST', headers: cross }))).toBe(false);
    expect(isOneClickUnsubscribe(new Request('http://localhost/unsubscribe/aaaaaaaaaaaaaaaaaaaa'))).toBe(false); // GET needs no exception
  });
});
