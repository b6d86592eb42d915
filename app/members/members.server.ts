import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, asc, desc, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { communes, invitations, memberships, users, type Role } from '#db/schema/index.ts';
import { withTenant, type Scope, type MemberScope, type CommuneScope } from '#db/scope.ts';
import type { PermittedScope } from '~/auth/permissions.ts';
import type { Tx } from '#db/client.ts';
import { AppError } from '~/lib/errors.ts';
import { recordEvent } from '~/outbox/outbox.server.ts';
import type { InviteInput } from '~/auth/schemas.ts';
import { sendInvitation } from '~/auth/account-messages.server.ts';
import { accountContact, maskIdentifier } from '~/auth/identity.ts';
import { localized } from '~/tenancy/commune.ts';
import type { Locale } from '~/i18n/config.ts';
import { suspendShopOfUser } from '~/market/sellers.server.ts';
import { releaseHostedPlaces } from '~/tourism/places.server.ts';

const INVITATION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

/** `contact`: the e-mail address, or else the phone number (accountContact): a phone-only villager is shown like anyone. */
export type Member = { userId: string; displayName: string; email: string | null; phone: string | null; contact: string; roles: Role[] };
export type PendingInvitation = {
  id: string;
  email: string | null;
  phone: string | null;
  contact: string;
  role: Role;
  createdAt: Date;
  expiresAt: Date;
  invitedBy: string;
};

const hashToken = (token: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(token)));

export async function listMembers(scope: PermittedScope<'member.manage'>): Promise<Member[]> {
  const rows = await withTenant(scope, (tx) =>
    tx
      .select({
        userId: memberships.userId,
        role: memberships.role,
        displayName: users.displayName,
        email: users.email,
        phone: users.phone,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.tenantId, scope.tenantId))
      .orderBy(asc(users.displayName), asc(memberships.role)),
  );
  const byUser = new Map<string, Member>();
  for (const row of rows) {
    const member: Member = byUser.get(row.userId) ?? {
      userId: row.userId,
      displayName: row.displayName,
      email: row.email,
      phone: row.phone,
      contact: accountContact(row),
      roles: [],
    };
    member.roles.push(row.role);
    byUser.set(row.userId, member);
  }
  return [...byUser.values()];
}

export async function listPendingInvitations(scope: PermittedScope<'member.manage'>): Promise<PendingInvitation[]> {
  const rows = await withTenant(scope, (tx) =>
    tx
      .select({
        id: invitations.id,
        email: invitations.email,
        phone: invitations.phone,
        role: invitations.role,
        createdAt: invitations.createdAt,
        expiresAt: invitations.expiresAt,
        invitedBy: users.displayName,
      })
      .from(invitations)
      .innerJoin(users, eq(users.id, invitations.invitedBy))
      .where(
        and(eq(invitations.tenantId, scope.tenantId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())),
      )
      .orderBy(desc(invitations.createdAt)),
  );
  return rows.map((row) => ({ ...row, contact: accountContact(row) }));
}

/**
 * Invites a person by e-mail address or phone number with a role. The invitation goes out in
 * the same transaction, as a mail or SMS job (key: the invitation id) in the commune's language;
 * the link's token is also returned once (to show to the official, who may pass it on). Only its
 * hash is kept, and the `member.invited` outbox event carries no link nor token.
 */
export async function inviteMember(scope: PermittedScope<'member.manage'>, input: InviteInput, origin: string, communeSlug: string) {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  const token = encodeBase32LowerCaseNoPadding(bytes);
  const url = `${origin}/${communeSlug}/join/${token}`;
  const expiresAt = new Date(Date.now() + INVITATION_LIFETIME_MS);
  const id = await withTenant(scope, async (tx) => {
    const [already] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.tenantId, scope.tenantId),
          input.identifier.kind === 'email' ? eq(users.email, input.identifier.value) : eq(users.phone, input.identifier.value),
          eq(memberships.role, input.role),
        ),
      );
    if (already) throw new AppError('conflict', 'auth:errors.alreadyMember');
    const address = input.identifier.kind === 'email' ? { email: input.identifier.value } : { phone: input.identifier.value };
    const [row] = await tx
      .insert(invitations)
      .values({ tenantId: scope.tenantId, ...address, role: input.role, tokenHash: hashToken(token), invitedBy: scope.userId, expiresAt })
      .returning({ id: invitations.id });
    const invitationId = row!.id;
    const [commune] = await tx.select({ name: communes.name, defaultLocale: communes.defaultLocale }).from(communes).where(eq(communes.id, scope.tenantId));
    const [inviter] = await tx.select({ displayName: users.displayName }).from(users).where(eq(users.id, scope.userId));
    const locale = commune?.defaultLocale ?? null;
    await sendInvitation(
      tx,
      { id: invitationId, tenantId: scope.tenantId, locale, to: input.identifier },
      {
        commune: commune ? localized(commune.name, (locale ?? 'en') as Locale, commune.defaultLocale as Locale).text : communeSlug,
        inviter: inviter?.displayName ?? '',
        role: input.role,
      },
      url,
    );
    // No link, token nor address in the outbox: it says who was invited how, for notifications and history.
    await recordEvent(
      tx,
      scope.tenantId,
      'member.invited',
      { invitationId, channel: input.identifier.kind === 'email' ? 'email' : 'sms', role: input.role, expiresAt: expiresAt.toISOString() },
      scope.userId,
    );
    return invitationId;
  });
  return { id, url, token, expiresAt };
}

export async function revokeInvitation(scope: PermittedScope<'member.manage'>, invitationId: string): Promise<void> {
  const updated = await withTenant(scope, async (tx) => {
    const rows = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.tenantId, scope.tenantId), eq(invitations.id, invitationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id });
    if (rows.length) await recordEvent(tx, scope.tenantId, 'member.invitation_revoked', { invitationId }, scope.userId);
    return rows.length;
  });
  if (!updated) throw new AppError('not_found', 'common:errors.notFound');
}

/** Removes one role of a member; the commune always keeps at least one official. */
export async function removeMembership(scope: PermittedScope<'member.manage'>, userId: string, role: Role): Promise<void> {
  await withTenant(scope, async (tx) => {
    // Serialise removals in this commune so two officials cannot remove each other at once.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${scope.tenantId}))`);
    if (role === 'official') {
      const officials = await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.tenantId, scope.tenantId), eq(memberships.role, 'official')));
      if (officials.length <= 1 && officials[0]?.userId === userId) throw new AppError('conflict', 'auth:errors.lastOfficial');
    }
    const rows = await tx
      .delete(memberships)
      .where(and(eq(memberships.tenantId, scope.tenantId), eq(memberships.userId, userId), eq(memberships.role, role)))
      .returning({ userId: memberships.userId });
    if (!rows.length) throw new AppError('not_found', 'common:errors.notFound');
    await recordEvent(tx, scope.tenantId, 'member.removed', { userId, role }, scope.userId);
    // No longer a seller here: the shop is suspended (orders in flight stay handleable).
    if (role === 'seller') await suspendShopOfUser(tx, scope.tenantId, userId, scope.userId);
    // The places they host go back to the commune, unpublished, until someone else runs them:
    // when the seller role goes, and whenever no role at all is left here (an editor or
    // official can host a place too).
    const [left] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.tenantId, scope.tenantId), eq(memberships.userId, userId)))
      .limit(1);
    if (role === 'seller' || !left) await releaseHostedPlaces(tx, scope.tenantId, userId, scope.userId);
  });
}

export type InvitationStatus = 'pending' | 'awaiting' | 'confirmed' | 'refused' | 'revoked' | 'expired';
export type InvitationView = {
  id: string;
  email: string | null;
  phone: string | null;
  address: string;
  role: Role;
  status: InvitationStatus;
  invitedBy: string;
  acceptedBy: string | null;
};

/**
 * Where an invitation stands: sent and `pending`; accepted by the invited address and `awaiting`
 * an official's confirmation; then `confirmed` (the role is granted) or `refused`. An invitation
 * can be `revoked` or can expire only while nobody has accepted it.
 */
function invitationStatus(row: {
  acceptedAt: Date | null;
  confirmedAt: Date | null;
  refusedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
}): InvitationStatus {
  if (row.confirmedAt) return 'confirmed';
  if (row.refusedAt) return 'refused';
  if (row.acceptedAt) return 'awaiting';
  if (row.revokedAt) return 'revoked';
  return row.expiresAt <= new Date() ? 'expired' : 'pending';
}

/** The invitation behind a link, in this commune only (a token from another commune is not found). */
export async function getInvitationByToken(scope: CommuneScope, token: string): Promise<InvitationView | null> {
  if (!/^[a-z2-7]{32}$/.test(token)) return null;
  const [row] = await withTenant(scope, (tx) =>
    tx
      .select({
        id: invitations.id,
        email: invitations.email,
        phone: invitations.phone,
        role: invitations.role,
        acceptedAt: invitations.acceptedAt,
        acceptedBy: invitations.acceptedBy,
        confirmedAt: invitations.confirmedAt,
        refusedAt: invitations.refusedAt,
        revokedAt: invitations.revokedAt,
        expiresAt: invitations.expiresAt,
        invitedBy: users.displayName,
      })
      .from(invitations)
      .innerJoin(users, eq(users.id, invitations.invitedBy))
      .where(and(eq(invitations.tenantId, scope.tenantId), eq(invitations.tokenHash, hashToken(token)))),
  );
  if (!row) return null;
  return {
    id: row.id,
    email: row.email,
    phone: row.phone,
    address: (row.email ?? row.phone)!,
    role: row.role,
    status: invitationStatus(row),
    invitedBy: row.invitedBy,
    acceptedBy: row.acceptedBy,
  };
}

/** E-mail addresses as Baan compares them: trimmed and lower-cased (accounts are stored so). */
export const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** An invited address as shown to whoever holds the link without being signed in as it (see maskIdentifier). */
export const maskAddress = maskIdentifier;

/** Whether an account holds the invited address, and whether it has verified it. */
export function invitationMatch(
  invitation: { email: string | null; phone: string | null },
  account: { email: string | null; phone: string | null; emailVerifiedAt?: Date | null; phoneVerifiedAt?: Date | null },
): 'verified' | 'unverified' | 'other' {
  if (invitation.email && account.email && sameAddress(account.email, invitation.email)) return account.emailVerifiedAt ? 'verified' : 'unverified';
  if (invitation.phone && account.phone === invitation.phone) return account.phoneVerifiedAt ? 'verified' : 'unverified';
  return 'other';
}

/**
 * The signed-in invitee accepts the invitation. It is bound to the address it was sent to: only
 * an account that holds that very e-mail address or phone number, VERIFIED (a link or code proved
 * it reaches them), gets the role, and gets it at once. An account with the address unverified is
 * asked to verify first (403 `auth:join.verifyFirst`, nothing changes); any other account is
 * refused (403, with the address masked). The official's choice of the address and the person's
 * proof of it together stand in for the confirmation step officials used to do by hand
 * (ADR 019); the row records the inviting official as the one who vouched (`confirmedBy`).
 */
export async function acceptInvitation(scope: MemberScope, token: string): Promise<Role> {
  const invitation = await getInvitationByToken(scope, token);
  if (!invitation) throw new AppError('not_found', 'common:errors.notFound');
  if (invitation.status !== 'pending') throw new AppError('conflict', `auth:join.status.${invitation.status}`);
  // The account's addresses as stored now, not as any caller or session remembers them.
  const [account] = await withTenant(scope, (tx) =>
    tx
      .select({ email: users.email, phone: users.phone, emailVerifiedAt: users.emailVerifiedAt, phoneVerifiedAt: users.phoneVerifiedAt })
      .from(users)
      .where(eq(users.id, scope.userId)),
  );
  const match = account ? invitationMatch(invitation, account) : 'other';
  if (match === 'other') throw new AppError('forbidden', 'auth:join.wrongAccount', { email: maskAddress(invitation.address) });
  if (match === 'unverified') throw new AppError('forbidden', 'auth:join.verifyFirst', { email: maskAddress(invitation.address) });
  await withTenant(scope, async (tx) => {
    const now = new Date();
    const claimed = await tx
      .update(invitations)
      .set({ acceptedAt: now, acceptedBy: scope.userId, confirmedAt: now, confirmedBy: sql`${invitations.invitedBy}` })
      .where(
        and(
          eq(invitations.tenantId, scope.tenantId),
          eq(invitations.id, invitation.id),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, now),
        ),
      )
      .returning({ id: invitations.id, invitedBy: invitations.invitedBy });
    if (!claimed.length) throw new AppError('conflict', 'auth:join.status.confirmed');
    await tx
      .insert(memberships)
      .values({ tenantId: scope.tenantId, userId: scope.userId, role: invitation.role, invitationId: invitation.id })
      .onConflictDoNothing();
    await recordEvent(
      tx,
      scope.tenantId,
      'member.joined',
      { invitationId: invitation.id, userId: scope.userId, role: invitation.role, confirmedBy: claimed[0]!.invitedBy, verified: true },
      scope.userId,
    );
  });
  return invitation.role;
}

/**
 * Acceptances made before addresses were verified (before ADR 019) still wait for an official:
 * the members page lists them with confirm and refuse until none are left. New acceptances never
 * wait (acceptInvitation grants at once, or refuses).
 */
export type AwaitingAcceptance = {
  id: string;
  role: Role;
  email: string | null;
  contact: string;
  displayName: string;
  phone: string | null;
  invitedBy: string;
  acceptedAt: Date;
};

/** Acceptances waiting for an official's confirmation, with the accepting account's name, address and phone. */
export async function listAwaitingConfirmation(scope: PermittedScope<'member.manage'>): Promise<AwaitingAcceptance[]> {
  const inviter = alias(users, 'inviter');
  const rows = await withTenant(scope, (tx) =>
    tx
      .select({
        id: invitations.id,
        role: invitations.role,
        email: users.email,
        displayName: users.displayName,
        phone: users.phone,
        invitedBy: inviter.displayName,
        acceptedAt: invitations.acceptedAt,
      })
      .from(invitations)
      .innerJoin(users, eq(users.id, invitations.acceptedBy))
      .innerJoin(inviter, eq(inviter.id, invitations.invitedBy))
      .where(and(eq(invitations.tenantId, scope.tenantId), isNotNull(invitations.acceptedAt), isNull(invitations.confirmedAt), isNull(invitations.refusedAt)))
      .orderBy(asc(invitations.acceptedAt)),
  );
  return rows.map((r) => ({ ...r, contact: accountContact(r), acceptedAt: r.acceptedAt! }));
}

/** Claims an acceptance still waiting for a decision; anything else (decided, another commune, unknown) is not found. */
async function decide(
  tx: Tx,
  scope: MemberScope,
  invitationId: string,
  decision: { confirmedAt: Date; confirmedBy: string } | { refusedAt: Date; refusedBy: string },
) {
  const [row] = await tx
    .update(invitations)
    .set(decision)
    .where(
      and(
        eq(invitations.tenantId, scope.tenantId),
        eq(invitations.id, invitationId),
        isNotNull(invitations.acceptedAt),
        isNull(invitations.confirmedAt),
        isNull(invitations.refusedAt),
      ),
    )
    .returning({ role: invitations.role, userId: invitations.acceptedBy });
  if (!row?.userId) throw new AppError('not_found', 'common:errors.notFound');
  return { role: row.role, userId: row.userId };
}

/** An official confirms an acceptance: the role is granted now, recorded with who confirmed it. */
export async function confirmInvitation(scope: PermittedScope<'member.manage'>, invitationId: string): Promise<void> {
  await withTenant(scope, async (tx) => {
    const { role, userId } = await decide(tx, scope, invitationId, { confirmedAt: new Date(), confirmedBy: scope.userId });
    await tx.insert(memberships).values({ tenantId: scope.tenantId, userId, role, invitationId }).onConflictDoNothing();
    await recordEvent(tx, scope.tenantId, 'member.joined', { invitationId, userId, role, confirmedBy: scope.userId }, scope.userId);
  });
}

/** An official refuses an acceptance (they do not know the person, or it is not them): nothing is granted. */
export async function refuseInvitation(scope: PermittedScope<'member.manage'>, invitationId: string): Promise<void> {
  await withTenant(scope, async (tx) => {
    const { role, userId } = await decide(tx, scope, invitationId, { refusedAt: new Date(), refusedBy: scope.userId });
    await recordEvent(tx, scope.tenantId, 'member.acceptance_refused', { invitationId, userId, role, refusedBy: scope.userId }, scope.userId);
  });
}

/** The communes where the signed-in person has roles (their own rows are visible to them everywhere). */
export async function listMyMemberships(scope: Scope & { userId: string }) {
  return withTenant({ ...scope, tenantId: null }, (tx) =>
    tx
      .select({ slug: communes.slug, name: communes.name, defaultLocale: communes.defaultLocale, role: memberships.role })
      .from(memberships)
      .innerJoin(communes, eq(communes.id, memberships.tenantId))
      .where(eq(memberships.userId, scope.userId))
      .orderBy(asc(communes.slug)),
  );
}
