import type { RouterContextProvider } from 'react-router';
import { type MemberScope } from '#db/scope.ts';
import { getViewer, requireCommune, requireUser, scopeOf } from '~/auth/guards.server.ts';
import { grant, type PermittedScope } from '~/auth/permissions.ts';
import { notFound } from '~/lib/errors.ts';
import { UUID_PATTERN } from '~/lib/ids.ts';
import type { Commune } from '~/tenancy/commune.ts';
import { getSeller, type Seller } from './sellers.server.ts';

/** A commune scope with its currency, for reading what a shop page is about. */
export type CommuneShopScope = MemberScope & { currency: Commune['currency'] };

/** A shop page's scope: `shop.manage` proven for the seller the page is about. */
export type ShopScope = CommuneShopScope & PermittedScope<'shop.manage'>;

/**
 * A seller's shop pages (dashboard, listing editor, order) open to the seller themself and to
 * the commune's officials and editors (assisted mode); anyone else gets 404. `sellerOf` names the
 * seller, possibly by loading what the page is about (a product, an order); null is a 404.
 */
export async function openShop(
  context: Readonly<RouterContextProvider>,
  request: Request,
  sellerOf: (scope: CommuneShopScope) => Promise<string | null | undefined>,
): Promise<{ commune: Commune; scope: ShopScope; seller: Seller; isSelf: boolean; isStaff: boolean; canAct: boolean }> {
  const commune = requireCommune(context);
  const user = requireUser(context, request);
  const base: CommuneShopScope = { ...scopeOf(context), tenantId: commune.id, userId: user.id, currency: commune.currency };
  const sellerId = await sellerOf(base);
  if (!sellerId || !UUID_PATTERN.test(sellerId)) notFound();
  const [seller, viewer] = await Promise.all([getSeller(base, sellerId), getViewer(context)]);
  if (!seller || !viewer) notFound();
  const scope = grant(base, viewer, ['shop.manage'], { ownerId: seller.userId });
  if (!scope) notFound();
  const isSelf = seller.userId === user.id;
  // Acting as staff means acting for someone else: only with the seller's recorded consent.
  return { commune, scope, seller, isSelf, isStaff: !isSelf, canAct: isSelf || Boolean(seller.consentAt) };
}
