import type { MemberScope } from '#db/scope.ts';
import { grant, type Action, type PermittedScope } from '~/auth/permissions.ts';
import type { Role } from '~/auth/roles.ts';

/** Who the test's viewer is in the scope's commune: their roles, operator or not, owner of the thing or not. */
export type Who = { roles?: readonly Role[]; operator?: boolean; owner?: boolean };

/**
 * The scope a guard gives `scope.userId` for `actions`, built through the permission map like the
 * guards do; throws when the map refuses it (a test that sets up an impossible viewer fails).
 */
export function permitted<A extends Action, S extends MemberScope>(scope: S, actions: readonly A[], who: Who): S & PermittedScope<A> {
  const viewer = { userId: scope.userId, isOperator: who.operator ?? false, communeId: scope.tenantId, roles: who.roles ?? [] };
  const granted = grant(scope, viewer, actions, { ownerId: who.owner ? scope.userId : null });
  if (!granted) throw new Error(`the permission map refuses ${actions.join(', ')} to ${JSON.stringify(who)}`);
  return granted;
}

/** Every market desk action an official holds: what the desk's guards prove before each decision. */
const DESK_OFFICIAL = ['market.desk', 'seller.review', 'consent.record', 'product.takedown', 'market.settings', 'payout.review', 'order.list'] as const;

/** An official at the market desk, every decision proven (a test that needs fewer proves more, never less). */
export const asOfficial = <const S extends MemberScope>(scope: S) => permitted(scope, DESK_OFFICIAL, { roles: ['official'] });

/** An editor at the market desk: opening it and asking for consent, nothing an official decides. */
export const asDeskEditor = <const S extends MemberScope>(scope: S) => permitted(scope, ['market.desk'], { roles: ['editor'] });

/**
 * An official's proofs made for someone who is not (or no longer) one: as if the role was removed
 * between the guard's check and the transaction. For the measures that read the role again
 * inside their transaction, which must refuse it.
 */
export const asStaleOfficial = <const S extends MemberScope>(scope: S) => asOfficial(scope);
