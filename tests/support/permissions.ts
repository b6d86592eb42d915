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
