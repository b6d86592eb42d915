import { and, eq } from 'drizzle-orm';
import { createContext, redirect, type RouterContextProvider } from 'react-router';
import { memberships, type Role } from '#db/schema/index.ts';
import { withTenant, type Scope, type MemberScope } from '#db/scope.ts';
import { communeContext, databaseContext, userContext } from '~/lib/context.ts';
import { notFound } from '~/lib/errors.ts';
import type { Commune } from '~/tenancy/commune.ts';
import { can, grant, permits, type Action, type OneAction, type PermissionOptions, type PermittedScope, type Viewer, type ViewerScope } from './permissions.ts';
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
  if (!can(platformViewer(user), 'commune.create', null)) notFound();
  return user;
}

/** The signed-in person allowed `action` on a platform page (no commune); anyone else gets 404. */
export function requirePlatformPermission(args: GuardArgs, action: Action): SessionUser {
  const user = requireUser(args.context, args.request);
  if (!can(platformViewer(user), action, null)) notFound();
  return user;
}

const platformViewer = (user: SessionUser): Viewer => ({ userId: user.id, isOperator: user.isOperator, communeId: null, roles: [] });

// The viewer's roles in this request's commune, looked up once per request however many
// loaders (layout, page) ask.
const viewerRolesContext = createContext<Promise<Role[]> | null>(null);

/** The person viewing, with their roles in this request's commune; null when signed out. */
export async function getViewer(context: Ctx): Promise<Viewer | null> {
  const user = context.get(userContext);
  if (!user) return null;
  const commune = context.get(communeContext);
  if (!commune) return platformViewer(user);
  // Operators hold every commune action through the map, so their roles need no lookup.
  if (user.isOperator) return { userId: user.id, isOperator: true, communeId: commune.id, roles: [] };
  let pending = context.get(viewerRolesContext);
  if (!pending) {
    pending = rolesOf({ ...scopeOf(context), tenantId: commune.id, userId: user.id });
    (context as RouterContextProvider).set(viewerRolesContext, pending);
  }
  return { userId: user.id, isOperator: false, communeId: commune.id, roles: await pending };
}

/** Whether the person viewing may do `action` in this request's commune (see permissions.ts); false when signed out. */
export async function viewerCan(context: Ctx, action: Action, options?: PermissionOptions): Promise<boolean> {
  const commune = context.get(communeContext);
  if (!commune) return false;
  return can(await getViewer(context), action, commune, options);
}

/**
 * The viewer's scope with `action` proven, or null (signed out, or not holding it), for a public
 * page that shows more to those who may (drafts to editors). Never redirects and never refuses.
 */
export async function permittedScope<A extends Action>(
  context: Ctx,
  action: A & OneAction<A>,
  options?: PermissionOptions,
): Promise<PermittedScope<A & OneAction<A>> | null> {
  const commune = context.get(communeContext);
  const user = context.get(userContext);
  if (!commune || !user) return null;
  const viewer = await getViewer(context);
  return viewer && grant({ ...scopeOf(context), tenantId: commune.id, userId: user.id }, viewer, [action], options);
}

/** The roles a person holds in a commune, read as that person in that commune (so under its row-level security). */
export async function rolesOf(scope: MemberScope): Promise<Role[]> {
  const { tenantId, userId } = scope;
  const rows = await withTenant(scope, (tx) =>
    tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId))),
  );
  return rows.map((r) => r.role);
}

type GuardArgs = { context: Ctx; request: Request };

/**
 * The signed-in person allowed `action` in this commune (see permissions.ts), with a scope that
 * carries the proof. Signed-out people go to sign-in; anyone else gets 404, never 403: outsiders
 * learn nothing about what exists. `ownerId` names the owner when the action admits one.
 */
export async function requirePermission<A extends Action>(
  args: GuardArgs,
  action: A & OneAction<A>,
  options?: PermissionOptions,
): Promise<{ user: SessionUser; commune: Commune; scope: PermittedScope<A & OneAction<A>> }> {
  const commune = requireCommune(args.context);
  const user = requireUser(args.context, args.request);
  const viewer = await getViewer(args.context);
  const scope = viewer && grant({ ...scopeOf(args.context), tenantId: commune.id, userId: user.id }, viewer, [action], options);
  if (!scope) notFound();
  return { user, commune, scope };
}

/**
 * A scope a guard already let in, with `action` proven as well; anyone without it gets the
 * guard's own 404. For a page opened with one action whose forms each need their own (the
 * market desk opens with `market.desk`; approving a seller needs `seller.review` too): each call
 * names the action it proves, so the domain function's signature checks it is the right one.
 */
export function requireAlso<S extends ViewerScope, A extends Action>(
  scope: S,
  action: A & OneAction<A>,
  options?: PermissionOptions,
): S & PermittedScope<A & OneAction<A>> {
  if (!permits(scope, action, options)) notFound();
  return scope;
}
