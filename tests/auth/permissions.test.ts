import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RouterContextProvider } from 'react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getViewer, requireAlso, requirePermission, requirePlatformPermission, viewerCan } from '~/auth/guards.server.ts';
import {
  ACTIONS,
  PERMISSIONS,
  can,
  grant,
  holdersOf,
  permits,
  rolesHolding,
  type Action,
  type Holder,
  type PermittedScope,
  type Viewer,
} from '~/auth/permissions.ts';
import { ROLES, type Role } from '~/auth/roles.ts';
import type { SessionUser } from '~/auth/session-user.ts';
import { communeContext, databaseContext, userContext } from '~/lib/context.ts';
import type { Commune } from '~/tenancy/commune.ts';
import { makeCommune, makeMember, makeUser } from '#tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/db.ts';

const HOLDERS: readonly Holder[] = ['operator', ...ROLES, 'owner'];
const A = { id: 'a0000000-0000-4000-8000-000000000001' };
const B = { id: 'b0000000-0000-4000-8000-000000000002' };
const viewer = (roles: Role[], options: { operator?: boolean; communeId?: string | null; userId?: string } = {}): Viewer => ({
  userId: options.userId ?? 'u-1',
  isOperator: options.operator ?? false,
  communeId: options.communeId === undefined ? A.id : options.communeId,
  roles,
});

describe('the permission map', () => {
  it('gives every action at least one holder, each a known one, none twice', () => {
    expect(ACTIONS.length).toBeGreaterThan(10);
    for (const action of ACTIONS) {
      const holders = holdersOf(action);
      expect(holders.length, action).toBeGreaterThan(0);
      for (const holder of holders) expect(HOLDERS, `${action}: ${holder}`).toContain(holder);
      expect(new Set(holders).size, action).toBe(holders.length);
    }
  });

  it('names actions thing.verb', () => {
    for (const action of ACTIONS) expect(action).toMatch(/^[a-z]+\.[a-z][A-Za-z]*$/);
  });

  it('keeps the operator able to do what any commune role can (as before the map)', () => {
    for (const action of ACTIONS) {
      if (rolesHolding(action).length > 0) expect(holdersOf(action), action).toContain('operator');
    }
  });

  it('keeps the owner-only and platform-only actions apart', () => {
    expect(holdersOf('shop.consent')).toEqual(['owner']);
    expect(holdersOf('commune.create')).toEqual(['operator']);
    expect(holdersOf('template.edit')).toEqual(['operator']);
    expect(holdersOf('messages.view')).toEqual(['operator']);
    expect(holdersOf('jobs.view')).toEqual(['operator']);
    expect(holdersOf('jobs.retry')).toEqual(['operator']);
  });

  // Who may and may not, written out here on purpose: a change to the map must change this table too.
  const table: [Action, { may: Role[]; mayNot: Role[] }][] = [
    ['commune.edit', { may: ['official'], mayNot: ['editor', 'seller'] }],
    ['member.manage', { may: ['official'], mayNot: ['editor', 'seller'] }],
    ['member.recover', { may: ['official'], mayNot: ['editor', 'seller'] }],
    ['handbook.edit', { may: ['official', 'editor'], mayNot: ['seller'] }],
    ['news.manage', { may: ['official', 'editor'], mayNot: ['seller'] }],
    ['contact.manage', { may: ['official'], mayNot: ['editor', 'seller'] }],
    ['market.desk', { may: ['official', 'editor'], mayNot: ['seller'] }],
    ['seller.review', { may: ['official'], mayNot: ['editor', 'seller'] }],
    ['consent.record', { may: ['official'], mayNot: ['editor', 'seller'] }],
    ['product.takedown', { may: ['official'], mayNot: ['editor', 'seller'] }],
    ['market.settings', { may: ['official'], mayNot: ['editor', 'seller'] }],
    ['payout.review', { may: ['official'], mayNot: ['editor', 'seller'] }],
    ['order.list', { may: ['official'], mayNot: ['editor', 'seller'] }],
    ['shop.manage', { may: ['official', 'editor'], mayNot: ['seller'] }],
    ['shop.assist', { may: ['official', 'editor'], mayNot: ['seller'] }],
    ['shop.consent', { may: [], mayNot: ['official', 'editor', 'seller'] }],
    ['tourism.desk', { may: ['official', 'editor', 'seller'], mayNot: [] }],
    ['place.manage', { may: ['official', 'editor'], mayNot: ['seller'] }],
    ['place.edit', { may: ['official', 'editor'], mayNot: ['seller'] }],
    ['event.manage', { may: ['official', 'editor'], mayNot: ['seller'] }],
    ['inquiry.read', { may: ['official', 'seller'], mayNot: ['editor'] }],
    ['inquiry.readAll', { may: ['official'], mayNot: ['editor', 'seller'] }],
    ['commune.create', { may: [], mayNot: ['official', 'editor', 'seller'] }],
    ['template.edit', { may: [], mayNot: ['official', 'editor', 'seller'] }],
    ['messages.view', { may: [], mayNot: ['official', 'editor', 'seller'] }],
    ['jobs.view', { may: [], mayNot: ['official', 'editor', 'seller'] }],
    ['jobs.retry', { may: [], mayNot: ['official', 'editor', 'seller'] }],
  ];

  it('covers every action in the table below', () => {
    expect(table.map(([action]) => action).sort()).toEqual([...ACTIONS].sort());
  });

  for (const [action, { may, mayNot }] of table) {
    it(`lets ${may.join(', ') || 'no commune role'} ${action}, not ${mayNot.join(', ') || 'anyone else'}`, () => {
      for (const role of may) expect(can(viewer([role]), action, A), role).toBe(true);
      for (const role of mayNot) expect(can(viewer([role]), action, A), role).toBe(false);
      // A role counts only in the commune it is held in, and a signed-out visitor may do nothing.
      for (const role of ROLES) expect(can(viewer([role]), action, B), `${role} elsewhere`).toBe(false);
      expect(can(null, action, A)).toBe(false);
      expect(can(viewer([]), action, A), 'a signed-in person without a role').toBe(false);
      // The operator holds what the map gives them, in any commune.
      expect(can(viewer([], { operator: true, communeId: B.id }), action, A)).toBe(holdersOf(action).includes('operator'));
    });
  }

  it('refuses an action that is not in the map, such as a form intent named after a built-in', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'product.delete']) {
      expect(can(viewer([...ROLES], { operator: true }), name as Action, A), name).toBe(false);
    }
  });

  it('grants owner actions to the owner only, whatever their roles', () => {
    const seller = viewer(['seller'], { userId: 'seller-1' });
    expect(can(seller, 'shop.manage', A, { ownerId: 'seller-1' })).toBe(true);
    expect(can(seller, 'shop.manage', A, { ownerId: 'seller-2' })).toBe(false);
    expect(can(seller, 'shop.consent', A, { ownerId: 'seller-1' })).toBe(true);
    expect(can(viewer(['official'], { userId: 'official-1' }), 'shop.consent', A, { ownerId: 'seller-1' })).toBe(false);
    expect(can(seller, 'place.edit', A, { ownerId: 'seller-1' })).toBe(true);
    expect(can(seller, 'place.manage', A, { ownerId: 'seller-1' })).toBe(false);
    expect(can(seller, 'shop.manage', A, { ownerId: null })).toBe(false);
  });

  it('grants platform actions on platform pages to the operator alone', () => {
    expect(can(viewer([], { operator: true, communeId: null }), 'commune.create', null)).toBe(true);
    expect(can(viewer(['official'], { communeId: null }), 'commune.create', null)).toBe(false);
    expect(can(viewer(['official'], { communeId: null }), 'member.manage', null)).toBe(false);
  });

  it('makes a scope only for what the viewer holds, and only for the viewer', () => {
    const scope = { db: {} as never, tenantId: A.id, userId: 'u-1' };
    const editor = viewer(['editor']);
    const granted = grant(scope, editor, ['market.desk']);
    expect(granted).not.toBeNull();
    expect(granted!.viewer).toBe(editor);
    expect(permits(granted!, 'shop.assist')).toBe(true);
    expect(permits(granted!, 'seller.review')).toBe(false);
    expect(grant(scope, editor, ['market.desk', 'seller.review'])).toBeNull();
    expect(grant({ ...scope, userId: 'someone-else' }, editor, ['market.desk'])).toBeNull();
    expect(grant({ ...scope, tenantId: B.id }, editor, ['market.desk'])).toBeNull();
  });

  it('lists the roles a membership check in the database looks for', () => {
    expect(rolesHolding('consent.record')).toEqual(['official']);
    expect(rolesHolding('inquiry.read')).toEqual(['official', 'seller']);
    expect(rolesHolding('commune.create')).toEqual([]);
  });
});

describe('guards read the map', () => {
  let database: TestDatabase;
  let commune: Commune;
  let other: Commune;
  const people = {} as Record<Role | 'outsider' | 'elsewhere' | 'operator', SessionUser>;

  const sessionUser = (u: { id: string; email: string }, isOperator = false): SessionUser => ({
    id: u.id,
    email: u.email,
    phone: null,
    displayName: u.email,
    isOperator,
    sessionId: 's',
  });
  const contextFor = (user: SessionUser | null, where: Commune | null = commune) => {
    const context = new RouterContextProvider();
    context.set(databaseContext, database);
    context.set(userContext, user);
    context.set(communeContext, where);
    return context;
  };
  const request = new Request('http://localhost/xa/members');
  const statusOf = async (work: () => Promise<unknown> | unknown) => {
    try {
      await work();
      return 200;
    } catch (thrown) {
      if (thrown instanceof Response) return thrown.status;
      if (thrown && typeof thrown === 'object' && 'init' in thrown) return (thrown as { init: { status: number } }).init.status;
      throw thrown;
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    commune = { ...(await makeCommune(database)) } as Commune;
    other = { ...(await makeCommune(database)) } as Commune;
    for (const role of ROLES) {
      const user = await makeUser(database);
      await makeMember(database, commune.id, user.id, role);
      people[role] = sessionUser(user);
    }
    people.outsider = sessionUser(await makeUser(database));
    const elsewhere = await makeUser(database);
    await makeMember(database, other.id, elsewhere.id, 'official');
    people.elsewhere = sessionUser(elsewhere);
    people.operator = sessionUser(await makeUser(database), true);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('reads the viewer’s roles from the database, in this commune only', async () => {
    expect(await getViewer(contextFor(people.editor))).toMatchObject({ userId: people.editor.id, communeId: commune.id, roles: ['editor'] });
    expect(await getViewer(contextFor(people.elsewhere))).toMatchObject({ roles: [] });
    expect(await getViewer(contextFor(null))).toBeNull();
  });

  it('answers viewerCan and requirePermission as the map says, for every action and person', async () => {
    for (const action of ACTIONS) {
      for (const [who, user] of Object.entries(people)) {
        const expected = can(await getViewer(contextFor(user)), action, commune);
        expect(await viewerCan(contextFor(user), action), `${who} ${action}`).toBe(expected);
        // Refused people get 404 (never 403): outsiders learn nothing about what exists. (The loop's
        // variable is typed as every action; each call checks one, so it is named as one.)
        const one = action as 'member.manage';
        expect(await statusOf(() => requirePermission({ context: contextFor(user), request }, one)), `${who} ${action}`).toBe(expected ? 200 : 404);
      }
    }
    expect(await viewerCan(contextFor(people.official), 'member.manage')).toBe(true);
    expect(await viewerCan(contextFor(people.editor), 'member.manage')).toBe(false);
    expect(await viewerCan(contextFor(people.elsewhere), 'member.manage')).toBe(false);
  });

  it('sends signed-out people to sign-in and keeps platform pages to the operator', async () => {
    expect(await statusOf(() => requirePermission({ context: contextFor(null), request }, 'member.manage'))).toBe(302);
    expect(await statusOf(() => requirePlatformPermission({ context: contextFor(people.operator, null), request }, 'commune.create'))).toBe(200);
    expect(await statusOf(() => requirePlatformPermission({ context: contextFor(people.official, null), request }, 'commune.create'))).toBe(404);
  });

  it('hands routes a scope carrying the viewer it proved', async () => {
    const { scope } = await requirePermission({ context: contextFor(people.seller), request }, 'tourism.desk');
    expect(scope).toMatchObject({ tenantId: commune.id, userId: people.seller.id, viewer: { roles: ['seller'] } });
    expect(permits(scope, 'inquiry.read')).toBe(true);
    expect(permits(scope, 'place.manage')).toBe(false);
  });

  it('proves a form’s own action on a scope a guard already let in, and refuses it with the same 404', async () => {
    const desk = async (who: SessionUser) => (await requirePermission({ context: contextFor(who), request }, 'market.desk')).scope;
    const official = requireAlso(await desk(people.official), 'seller.review');
    expect(permits(official, 'market.desk') && permits(official, 'seller.review')).toBe(true);
    const editor = await desk(people.editor);
    expect(await statusOf(() => requireAlso(editor, 'seller.review'))).toBe(404);
    // @ts-expect-error -- a desk scope without the decision's own proof does not reach the decision
    const approve: PermittedScope<'seller.review'> = editor;
    expect(approve.viewer.roles).toEqual(['editor']);
    // One check proves one action: an action looked up in a table (typed as every action, or as
    // two) does not compile, so it cannot stand for the one the domain function asks for.
    const looked = 'seller.review' as Action;
    const either = 'seller.review' as 'seller.review' | 'market.settings';
    // @ts-expect-error -- a value typed as every action
    expect(permits(editor, looked)).toBe(false);
    // @ts-expect-error -- a value typed as two actions
    expect(() => requireAlso(editor, either)).toThrow();
  });
});

describe('routes use the map', () => {
  const files = async (dir: string): Promise<string[]> => {
    const entries = await readdir(dir, { withFileTypes: true });
    const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? files(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]))));
    return nested.flat().filter((f) => /\.tsx?$/.test(f));
  };

  it('writes no role list and no staff boolean outside the map', async () => {
    const offenders: string[] = [];
    for (const file of await files('app')) {
      if (file.endsWith(join('auth', 'permissions.ts')) || file.endsWith(join('auth', 'roles.ts'))) continue;
      const text = await readFile(file, 'utf8');
      if (/\[\s*'(official|editor|seller)'\s*(,\s*'(official|editor|seller)'\s*)*\]/.test(text)) offenders.push(`${file}: a written-out role list`);
      if (/\b(viewerHasRole|requireMembership)\b/.test(text)) offenders.push(`${file}: a role guard beside the map`);
      if (/,\s*(isStaff|staff|official)\s*:\s*boolean\b/.test(text)) offenders.push(`${file}: a staff boolean parameter`);
    }
    expect(offenders).toEqual([]);
  });

  it('uses every action of the map somewhere in the app, and guards every manage page with it', async () => {
    const sources = (await Promise.all((await files('app')).filter((f) => !f.endsWith(join('auth', 'permissions.ts'))).map((f) => readFile(f, 'utf8')))).join(
      '\n',
    );
    const unused = ACTIONS.filter((action) => !sources.includes(`'${action}'`));
    expect(unused).toEqual([]);
    const guarded = [
      'app/members/routes/members.tsx',
      'app/tenancy/routes/settings.tsx',
      'app/handbook/routes/editor.tsx',
      'app/market/routes/manage.tsx',
      'app/tourism/routes/inquiries.tsx',
      'app/admin/routes/new-commune.tsx',
    ];
    for (const file of guarded)
      expect(await readFile(file, 'utf8'), file).toMatch(/require(Platform)?Permission\(\{ context, request \}, '[a-z]+\.[A-Za-z]+'\)/);
    expect(Object.keys(PERMISSIONS)).toEqual(ACTIONS);
  });
});
