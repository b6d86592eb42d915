import type { MemberScope } from '#db/scope.ts';
import type { Role } from './roles.ts';

/**
 * Who may do what in Baan, in one table. Each action (`thing.verb`) lists who holds it:
 * - `operator`: the platform operator (Baan's own staff), in every commune and on platform pages;
 * - `official`, `editor`, `seller`: a role held in the commune the action is about;
 * - `owner`: the person the thing belongs to (their shop, the place they host), when the caller
 *   says who that is (`{ ownerId }`).
 * Plain data without database imports, so pages, tests and docs can all read it. Guards
 * (`requirePermission` in guards.server.ts) check it; domain code asks `can` for the variants
 * of an action it was already let into (an official sees every inquiry, a host their own).
 */
export type Holder = 'operator' | Role | 'owner';

export const PERMISSIONS = {
  // The platform.
  'commune.create': ['operator'],
  'template.edit': ['operator'],
  'messages.view': ['operator'], // delivery health: mail and SMS sent, failed, bounced (/admin/messages)
  'jobs.view': ['operator'], // the job queue: counts, failed and dead jobs with their errors
  'jobs.retry': ['operator'], // put a failed or dead job back in the queue

  // A commune's own page and people.
  'commune.edit': ['operator', 'official'],
  'member.manage': ['operator', 'official'],
  'member.recover': ['operator', 'official'], // a one-time code for a member who cannot receive a reset (no e-mail or phone, or lost)

  // The village handbook: articles (drafts, history, checklists), news, who to call.
  'handbook.edit': ['operator', 'official', 'editor'],
  'news.manage': ['operator', 'official', 'editor'],
  'contact.manage': ['operator', 'official'],

  // The market desk. Editors open it and ask sellers for assisted-mode consent; officials decide.
  'market.desk': ['operator', 'official', 'editor'],
  'seller.review': ['operator', 'official'], // approve, reject, add, suspend, reinstate
  'consent.record': ['operator', 'official'], // consent for a seller without an account, and the second official's confirmation
  'product.takedown': ['operator', 'official'], // the moderation queue, taking a listing down, reinstating it
  'market.settings': ['operator', 'official'], // moderation on/off, payout cooling period
  'payout.review': ['operator', 'official'], // the payout changes still waiting, cancelling one, a payout set for a seller without an account
  'order.list': ['operator', 'official'], // every order of the commune

  // A seller's shop: the seller themself, or staff acting for them (assisted mode, with consent).
  'shop.manage': ['owner', 'operator', 'official', 'editor'],
  'shop.assist': ['operator', 'official', 'editor'],
  'shop.consent': ['owner'], // giving, withdrawing assisted-mode consent, showing a consent code

  // Tourism.
  'tourism.desk': ['operator', 'official', 'editor', 'seller'],
  'place.manage': ['operator', 'official', 'editor'], // create, edit any, name the host, list all
  'place.edit': ['owner', 'operator', 'official', 'editor'],
  'event.manage': ['operator', 'official', 'editor'],
  'inquiry.read': ['operator', 'official', 'seller'], // the inbox; a host sees their places' inquiries
  'inquiry.readAll': ['operator', 'official'],
} as const satisfies Record<string, readonly Holder[]>;

export type Action = keyof typeof PERMISSIONS;

export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

/** The signed-in person as permissions see them: operator or not, and their roles in one commune. */
export type Viewer = {
  userId: string;
  isOperator: boolean;
  /** The commune `roles` were read in (null on platform pages). */
  communeId: string | null;
  roles: readonly Role[];
};

export type PermissionOptions = {
  /** The account the thing belongs to; grants `owner` when it is the viewer's. */
  ownerId?: string | null;
};

/**
 * Whether `viewer` may do `action` in `commune` (null for platform actions). A role counts only
 * in the commune it was read in; signed-out viewers may do nothing here.
 */
export function can(viewer: Viewer | null, action: Action, commune: { id: string } | null, options: PermissionOptions = {}): boolean {
  // An action named by a request (a form's intent) that is not in the map, `constructor` included, is refused.
  if (!viewer || !Object.hasOwn(PERMISSIONS, action)) return false;
  const holders: readonly Holder[] = PERMISSIONS[action];
  if (viewer.isOperator && holders.includes('operator')) return true;
  if (holders.includes('owner') && options.ownerId && options.ownerId === viewer.userId) return true;
  if (!commune || viewer.communeId !== commune.id) return false;
  return viewer.roles.some((role) => holders.includes(role));
}

/** Who holds `action` (operator, roles, owner): for pages and tests that list it. */
export function holdersOf(action: Action): readonly Holder[] {
  return PERMISSIONS[action];
}

/** The commune roles that hold `action`: for checks made against memberships in the database. */
export function rolesHolding(action: Action): Role[] {
  return PERMISSIONS[action].filter((holder: Holder): holder is Role => holder !== 'operator' && holder !== 'owner');
}

declare const proven: unique symbol;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/**
 * `A` when it is one action, `never` when it is a union. What checks a single action at run time
 * takes `action: A & OneAction<A>`, so a value typed `Action` (an intent looked up in a table)
 * or `'a' | 'b'` does not compile: one check cannot prove several actions.
 */
export type OneAction<A extends Action> = [A] extends [UnionToIntersection<A>] ? A : never;

/**
 * A member's scope that carries what was proven for it: a domain function that takes
 * `PermittedScope<'product.takedown'>` can only be called after that check passed. The scope
 * also carries the viewer, for the variants the domain decides (`can(scope.viewer, …)`).
 */
export type PermittedScope<A extends Action> = MemberScope & {
  readonly viewer: Viewer;
  readonly [proven]: { readonly [K in A]: true };
};

/** A scope that carries its viewer, whatever was proven for it: for code that serves several guarded pages. */
export type ViewerScope = PermittedScope<never>;

/**
 * The scope with `actions` proven, or null when the viewer lacks one of them. The one way to
 * make a `PermittedScope`: guards call it per request, tests with the viewer they set up.
 */
export function grant<A extends Action, S extends MemberScope = MemberScope>(
  scope: S,
  viewer: Viewer,
  actions: readonly A[],
  options: PermissionOptions = {},
): (S & PermittedScope<A>) | null {
  if (viewer.userId !== scope.userId) return null;
  for (const action of actions) if (!can(viewer, action, { id: scope.tenantId }, options)) return null;
  return { ...scope, viewer } as S & PermittedScope<A>;
}

/**
 * Whether a scope already let in for one action also holds `action` (in the scope's commune);
 * as a type guard, the scope then carries both proofs.
 */
export function permits<A extends Action, B extends Action>(
  scope: PermittedScope<B>,
  action: A & OneAction<A>,
  options: PermissionOptions = {},
): scope is PermittedScope<A | B> {
  return can(scope.viewer, action, { id: scope.tenantId }, options);
}
