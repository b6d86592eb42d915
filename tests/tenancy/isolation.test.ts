import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxEvents, invitations, media, memberships } from '#db/schema/index.ts';
import { withTenant } from '#db/scope.ts';
import { rolesOf } from '~/auth/guards.server.ts';
import {
  confirmInvitation,
  getInvitationByToken,
  inviteMember,
  listAwaitingConfirmation,
  listMembers,
  listPendingInvitations,
  refuseInvitation,
  removeMembership,
  revokeInvitation,
} from '~/members/members.server.ts';
import { getMedia, saveImage } from '~/media/media.server.ts';
import { localStorage } from '~/media/storage.server.ts';
import { makeCommune, makeMember, makeUser } from '#tests/factories/index.ts';
import { createTestDatabase, scopeFor, type TestDatabase } from '#tests/support/db.ts';
import { permitted } from '#tests/support/permissions.ts';
import { samplePng } from '#tests/support/images.ts';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

let database: TestDatabase;
let a: { id: string; slug: string };
let b: { id: string; slug: string };
let officialA: { id: string; email: string };
let officialB: { id: string; email: string };
let invitationA: { id: string; token: string };
let mediaA: string;
const storage = localStorage(path.join(await mkdtemp(path.join(os.tmpdir(), 'baan-media-')), 'media'));

beforeAll(async () => {
  database = await createTestDatabase();
  a = await makeCommune(database);
  b = await makeCommune(database);
  officialA = await makeUser(database);
  officialB = await makeUser(database);
  await makeMember(database, a.id, officialA.id, 'official');
  await makeMember(database, b.id, officialB.id, 'official');
  const scopeA = permitted({ ...scopeFor(database, a.id, officialA.id), tenantId: a.id, userId: officialA.id }, ['member.manage'], { roles: ['official'] });
  const invited = await inviteMember(scopeA, { identifier: { kind: 'email', value: 'nguoi.ban@example.vn' }, role: 'seller' }, 'http://localhost', a.slug);
  invitationA = { id: invited.id, token: invited.token };
  mediaA = (await saveImage(scopeA, await samplePng(800, 600), storage)).id;
});
afterAll(async () => {
  await database.close();
});

const asB = () => permitted({ ...scopeFor(database, b.id, officialB.id), tenantId: b.id, userId: officialB.id }, ['member.manage'], { roles: ['official'] });

describe('tenant isolation: commune B cannot see or change commune A', () => {
  it('lists only B’s own members and invitations', async () => {
    const members = await listMembers(asB());
    expect(members.map((m) => m.userId)).toEqual([officialB.id]);
    expect(await listPendingInvitations(asB())).toEqual([]);
  });

  it('does not find A’s invitation token, media or roles from B', async () => {
    expect(await getInvitationByToken(asB(), invitationA.token)).toBeNull();
    expect(await getMedia(asB(), mediaA)).toBeNull();
    expect(await rolesOf({ ...asB(), tenantId: b.id, userId: officialB.id })).toContain('official');
    expect(await rolesOf({ ...asB(), tenantId: b.id, userId: officialA.id })).toEqual([]);
  });

  it('cannot revoke A’s invitation or remove A’s official, and A’s rows stay unchanged', async () => {
    await expect(revokeInvitation(asB(), invitationA.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(removeMembership(asB(), officialA.id, 'official')).rejects.toMatchObject({ code: 'not_found' });
    const [invitation] = await database.db.select().from(invitations).where(eq(invitations.id, invitationA.id));
    expect(invitation?.revokedAt).toBeNull();
    const rows = await database.db.select().from(memberships).where(eq(memberships.userId, officialA.id));
    expect(rows).toHaveLength(1);
  });

  it('cannot see, confirm or refuse an acceptance waiting in A', async () => {
    const scopeA = permitted({ ...scopeFor(database, a.id, officialA.id), tenantId: a.id, userId: officialA.id }, ['member.manage'], { roles: ['official'] });
    const invited = await inviteMember(scopeA, { identifier: { kind: 'email', value: 'cho.xac.nhan@example.vn' }, role: 'editor' }, 'http://localhost', a.slug);
    const invitee = await makeUser(database, { email: 'cho.xac.nhan@example.vn' });
    // An acceptance from before verified addresses (ADR 019), still waiting for an official.
    await database.db.update(invitations).set({ acceptedAt: new Date(), acceptedBy: invitee.id }).where(eq(invitations.id, invited.id));
    expect(await listAwaitingConfirmation(asB())).toEqual([]);
    await expect(confirmInvitation(asB(), invited.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(refuseInvitation(asB(), invited.id)).rejects.toMatchObject({ code: 'not_found' });
    const [row] = await database.db.select().from(invitations).where(eq(invitations.id, invited.id));
    expect(row).toMatchObject({ confirmedAt: null, refusedAt: null });
    expect(await database.db.select().from(memberships).where(eq(memberships.userId, invitee.id))).toHaveLength(0);
    expect(await listAwaitingConfirmation(scopeA)).toHaveLength(1);
  });

  it('refuses, in the database, a write into A while acting in B', async () => {
    await expect(withTenant(asB(), (tx) => tx.insert(memberships).values({ tenantId: a.id, userId: officialB.id, role: 'official' }))).rejects.toThrow();
    const updated = await withTenant(asB(), (tx) => tx.update(invitations).set({ role: 'official' }).where(eq(invitations.id, invitationA.id)).returning());
    expect(updated).toHaveLength(0);
    const deleted = await withTenant(asB(), (tx) => tx.delete(media).where(eq(media.tenantId, a.id)).returning());
    expect(deleted).toHaveLength(0);
    // The outbox is append-only for request code, in every commune.
    await expect(withTenant(asB(), (tx) => tx.delete(outboxEvents).where(eq(outboxEvents.tenantId, b.id)))).rejects.toThrow();
  });

  it('returns 0 rows from every tenant table to the app role with no tenant set', async () => {
    const noTenant = scopeFor(database, null, null);
    for (const table of [memberships, invitations, outboxEvents, media]) {
      const rows = await withTenant(noTenant, (tx) => tx.select().from(table));
      expect(rows).toHaveLength(0);
    }
    // The owner connection sees them: the rows exist, RLS hides them.
    const [count] = await database.query<{ n: number }>(`select count(*)::int as n from outbox_events`);
    expect(count!.n).toBeGreaterThan(0);
  });

  it('runs request code as the app role even on the superuser connection', async () => {
    const [row] = (await withTenant(asB(), (tx) => tx.execute(sql`select current_user as who`)).then((r) =>
      Array.isArray(r) ? r : (r as { rows: unknown[] }).rows,
    )) as [{ who: string }];
    expect(row.who).toBe('baan_app');
  });
});
