import { requireUser, scopeOf } from '~/auth/guards.server.ts';
import { notFound } from '~/lib/errors.ts';
import { qrPng } from '~/payments/qr-image.server.ts';
import { ORDER_REFERENCE } from '../checkout.server.ts';
import { getBuyerOrder } from '../orders.server.ts';
import type { Route } from './+types/order-qr';

/**
 * `/orders/{reference}/qr.png`: the buyer's payment QR as an image to save. A phone cannot scan its
 * own screen, but every Vietnamese and Thai banking app scans a QR from a saved picture. Only the
 * buyer, only while the payment is awaited; never kept by a shared cache.
 */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  if (!ORDER_REFERENCE.test(params.reference)) notFound();
  const order = await getBuyerOrder({ ...scopeOf(context), userId: user.id }, params.reference);
  const { payment } = order ?? {};
  if (!order || payment?.method !== 'bank_qr' || order.paidAt || order.status === 'cancelled') notFound();
  return new Response(await qrPng(payment.payload), {
    headers: {
      'Content-Type': 'image/png',
      'Content-Disposition': `attachment; filename="${order.reference}-qr.png"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
