import { and, eq } from 'drizzle-orm';
import { createContext, redirect, type RouterContextProvider } from 'react-router';
import { memberships, type Role } from '#db/schema/index.ts';
import { withTenant, type Scope, type MemberScope } from '#db/scope.ts';
import { communeContext, databaseContext, userContext } from '~/lib/context.ts';
import { notFound } from '~/lib/errors.ts';
import type { Commune } from '~/tenancy/commune.ts';
import type { SessionUser } from './session-user.ts';

type Ctx = Readonly<RouterContextProvider>;

/** The signed-in person, or a redirect to sign-in that comes back here afterwards. */
export function requireUser(context: Ctx, request: Request): SessionUser {
  const user = context.get(userContext);
  if (user) return user;
  const url = new URL(request.url);
  throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}

export function requireCommune(context: Ctx): Commune {
  const commune = context.get(communeContext);
  if (!commune) notFound();
  return commune;
}

/** The scope for the current request: its commune (if any) and its user (if any). */
export function scopeOf(context: Ctx): Scope {
  return {
    db: context.get(databaseContext).db,
    tenantId: context.get(communeContext)?.id ?? null,
    userId: context.get(userContext)?.id ?? null,
  };
}

/** The signed-in platform operator; to anyone else the page does not exist. */
export function requireOperator(context: Ctx, request: Request): SessionUser {
  const user = requireUser(context, request);
  if (!user.isOperator) notFound();
  return user;
}

// The viewer's roles in this request's commune, looked up once per request however many
// loaders (layout, page) ask.
const viewerRolesContext = createContext<Promise<Role[]> | null>(null);

/** Whether the person viewing holds one of `roles` in this commune (operators always do); false when signed out. */
export async function viewerHasRole(context: Readonly<RouterContextProvider>, roles: readonly Role[]): Promise<boolean> {
  const user = context.get(userContext);
  const commune = context.get(communeContext);
  if (!user || !commune) return false;
  if (user.isOperator) return true;
  let pending = context.get(viewerRolesContext);
  if (!pending) {
    pending = rolesOf({ ...scopeOf(context), tenantId: commune.id, userId: user.id });
    (context as RouterContextProvider).set(viewerRolesContext, pending);
  }
  return (await pending).some((role) => roles.includes(role));
}

/** The roles a person holds in a commune, read as that person in that commune (so under its row-level security). */
export async function rolesOf(scope: MemberScope): Promise<Role[]> {
  const { tenantId, userId } = scope;
  const rows = await withTenant(scope, (tx) =>
    tx.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId))),
  );
  return rows.map((r) => r.role);
}

/**
 * The signed-in member of this commune holding one of `roles` (operators pass too).
 * Anyone else gets 404, never 403: outsiders learn nothing about what exists.
 */
export async function requireMembership(
  context: Ctx,
  request: Request,
  roles: readonly Role[],
): Promise<{ user: SessionUser; commune: Commune; scope: MemberScope }> {
  const commune = requireCommune(context);
  const user = requireUser(context, request);
  const scope = { ...scopeOf(context), tenantId: commune.id, userId: user.id };
  if (!(await viewerHasRole(context, roles))) notFound();
  return { user, commune, scope };
}
