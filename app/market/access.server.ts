import type { RouterContextProvider } from 'react-router';
import { type MemberScope } from '#db/scope.ts';
import { requireCommune, requireUser, scopeOf, viewerHasRole } from '~/auth/guards.server.ts';
import { notFound } from '~/lib/errors.ts';
import { UUID_PATTERN } from '~/lib/ids.ts';
import type { Commune } from '~/tenancy/commune.ts';
import { getSeller, type Seller } from './sellers.server.ts';

export type ShopScope = MemberScope & { currency: Commune['currency'] };

/**
 * A seller's shop pages (dashboard, listing editor, order) open to the seller themself and to
 * the commune's officials and editors (assisted mode); anyone else gets 404. `sellerOf` names the
 * seller, possibly by loading what the page is about (a product, an order); null is a 404.
 */
export async function openShop(
  context: Readonly<RouterContextProvider>,
  request: Request,
  sellerOf: (scope: ShopScope) => Promise<string | null | undefined>,
): Promise<{ commune: Commune; scope: ShopScope; seller: Seller; isSelf: boolean; isStaff: boolean; canAct: boolean }> {
  const commune = requireCommune(context);
  const user = requireUser(context, request);
  const scope: ShopScope = { ...scopeOf(context), tenantId: commune.id, userId: user.id, currency: commune.currency };
  const sellerId = await sellerOf(scope);
  if (!sellerId || !UUID_PATTERN.test(sellerId)) notFound();
  const [seller, staffRole] = await Promise.all([getSeller(scope, sellerId), viewerHasRole(context, ['official', 'editor'])]);
  if (!seller) notFound();
  const isSelf = seller.userId === user.id;
  if (!isSelf && !staffRole) notFound();
  // Acting as staff means acting for someone else: only with the seller's recorded consent.
  return { commune, scope, seller, isSelf, isStaff: !isSelf, canAct: isSelf || Boolean(seller.consentAt) };
}
