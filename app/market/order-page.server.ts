import type { Db } from '#db/client.ts';
import type { Locale } from '~/i18n/config.ts';
import { qrSvg } from '~/payments/qr-image.server.ts';
import { localized } from '~/tenancy/commune.ts';
import { getProvince } from '~/tenancy/communes.server.ts';
import type { OrderDetail } from './orders.server.ts';

/**
 * What both order pages (the buyer's and the seller's) show beside the order itself: the
 * delivery province's name, and (the seller's page: `inlineQr`) the payment QR as inline SVG while the
 * payment is still awaited. The buyer's page shows the same QR as a picture (/orders/{ref}/qr.png).
 */
export async function orderPageExtras(db: Db, order: OrderDetail, locale: Locale, inlineQr: boolean): Promise<{ provinceName: string; qr: string | null }> {
  const [country = '', code = ''] = order.delivery.provinceCode.split('-');
  const province = await getProvince(db, country, code);
  const { payment } = order;
  const awaitingPayment = payment.method === 'bank_qr' && !order.paidAt && order.status !== 'cancelled';
  return {
    provinceName: province ? localized(province.name, locale, 'en').text : '',
    qr: inlineQr && awaitingPayment ? await qrSvg(payment.payload) : null,
  };
}
