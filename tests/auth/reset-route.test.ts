import { RouterContextProvider } from 'react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { action } from '~/auth/routes/reset-request.tsx';
import { databaseContext, userContext } from '~/lib/context.ts';
import { makeUser } from '#tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/db.ts';

// The reset request page's action, as the server calls it: the same answer for an account that
// exists and one that does not, and a 429 with Retry-After once an address asked too often.
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

type Answer = { data: { sent: unknown; errors: Record<string, string> }; init: { status?: number; headers?: Record<string, string> } | null };
async function ask(identifier: string): Promise<Answer> {
  const context = new RouterContextProvider();
  context.set(databaseContext, database);
  context.set(userContext, null);
  const request = new Request('http://localhost/reset-password', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ identifier }).toString(),
  });
  return (await action({ request, context, params: {} } as unknown as Parameters<typeof action>[0])) as unknown as Answer;
}

describe('/reset-password', () => {
  it('answers the same whether or not an account has the address', async () => {
    await makeUser(database, { email: 'known.person@example.vn' });
    const known = await ask('Known.Person@example.vn');
    const unknown = await ask('unknown.person@example.vn');
    expect(known.init?.status ?? 200).toBe(200);
    expect(unknown.init?.status ?? 200).toBe(200);
    expect(known.data.sent).toEqual({ kind: 'email', shown: 'known.person@example.vn', raw: 'known.person@example.vn' });
    expect(unknown.data.sent).toEqual({ kind: 'email', shown: 'unknown.person@example.vn', raw: 'unknown.person@example.vn' });
  });

  it('reads a local phone number and refuses what is neither, with a translated message key', async () => {
    expect((await ask('0912 000 111')).data.sent).toMatchObject({ kind: 'phone', raw: '+84912000111' });
    const bad = await ask('hello');
    expect(bad.init?.status).toBe(400);
    expect(bad.data.errors).toEqual({ identifier: 'auth:errors.identifierInvalid' });
  });

  it('answers 429 with Retry-After after five requests for one address', async () => {
    for (let i = 0; i < 5; i++) expect((await ask('often@example.vn')).init?.status ?? 200).toBe(200);
    const refused = await ask('often@example.vn');
    expect(refused.init?.status).toBe(429);
    expect(Number(refused.init?.headers?.['Retry-After'])).toBeGreaterThan(0);
    expect(refused.data.errors).toEqual({ _form: 'common:errors.tooManyRequests' });
    expect(refused.data.sent).toBeNull();
  });
});
