import { useT } from '~/i18n/use-t.ts';
import { Link } from 'react-router';
import type { LocaleText } from '#domain/locale-text.ts';
import type { OrderEventKind, OrderStatus, ProductUnit } from '#domain/market.ts';
import type { Locale } from '~/i18n/config.ts';
import { formatDate } from '~/i18n/format.ts';
import type { PaymentInstructions, PaymentMethodId } from '~/payments/methods.ts';
import { localized } from '~/tenancy/commune.ts';
import { CopyButton } from '~/ui/copy-button.tsx';
import { Money } from './ui.tsx';

export type OrderViewData = {
  reference: string;
  status: OrderStatus;
  paymentMethod: PaymentMethodId;
  paidAt: string | Date | null;
  totalMinor: number;
  currency: 'VND' | 'THB';
  placedAt: string | Date;
  sellerName: string;
  communeSlug: string;
  communeName: LocaleText;
  communeLocale: Locale;
  timeZone: string;
  payment: PaymentInstructions;
  delivery: { name: string; phone: string; provinceCode: string; commune: string; street: string; note?: string };
  carrier: string | null;
  tracking: string | null;
  cancelReason: string | null;
  cancelledBy: 'buyer' | 'seller' | null;
  items: {
    productId: string;
    title: LocaleText;
    slug: string;
    unit: ProductUnit;
    unitPriceMinor: number;
    quantity: number;
    rating: number | null;
    ratingComment: string | null;
  }[];
  timeline: { kind: OrderEventKind; note: string | null; onBehalf: boolean; actorName: string | null; createdAt: string | Date }[];
};

export function StatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useT();
  return <span className={`badge badge-status status-${status}`}>{t(`market:status.${status}`)}</span>;
}

/** One order, as buyer and seller both see it: items, payment, delivery and the timeline. */
/**
 * An order as its buyer (`viewer: 'buyer'`) or its seller's page shows it. The buyer is told how to
 * pay, from this phone too (the QR as a picture to save, values to copy); the seller is told what
 * the buyer was asked, and that a buyer standing with them can scan the code from their screen.
 */
export function OrderView({
  order,
  qrSvg,
  provinceName,
  viewer,
}: {
  order: OrderViewData;
  qrSvg: string | null;
  provinceName: string;
  viewer: 'buyer' | 'seller';
}) {
  const timeZone = order.timeZone;
  const { t, i18n } = useT();
  const locale = i18n.language as Locale;
  const payment = order.payment;
  return (
    <div className="stack">
      <p>
        <StatusBadge status={order.status} /> {order.paidAt ? <span className="badge badge-paid">{t('market:orders.paid')}</span> : null}
      </p>
      <p className="muted">
        {t('market:orders.placedAt', { date: formatDate(order.placedAt, locale, timeZone, true) })} ·{' '}
        {t('market:orders.soldBy', { seller: order.sellerName, commune: localized(order.communeName, locale, order.communeLocale).text })}
      </p>
      {order.status === 'cancelled' ? (
        <p className="notice">
          {t(order.cancelledBy === 'seller' ? 'market:orders.cancelledBySeller' : 'market:orders.cancelledByBuyer')}
          {order.cancelReason ? ` — ${order.cancelReason}` : ''}
        </p>
      ) : null}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('market:orders.item')}</th>
            <th scope="col">{t('market:product.quantity')}</th>
            <th scope="col">{t('market:orders.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {order.items.map((item) => (
            <tr key={item.productId}>
              <td>
                <Link to={`/${order.communeSlug}/market/${item.slug}`}>{localized(item.title, locale, order.communeLocale).text}</Link>
              </td>
              <td>
                {item.quantity} × {t(`market:units.${item.unit}`)}
              </td>
              <td>
                <Money minor={item.unitPriceMinor * item.quantity} currency={order.currency} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t('market:orders.total')}
            </th>
            <td>
              <strong>
                <Money minor={order.totalMinor} currency={order.currency} />
              </strong>
            </td>
          </tr>
        </tfoot>
      </table>
      <section className="card stack" aria-labelledby="payment-title">
        <h2 id="payment-title">{t('market:orders.payment')}</h2>
        {payment.method === 'bank_qr' ? (
          <>
            {viewer === 'buyer' ? (
              <p>{t(payment.scheme === 'vietqr' ? 'market:payment.scanVietQr' : 'market:payment.scanPromptPay')}</p>
            ) : (
              <p>{t('market:payment.sellerQr')}</p>
            )}
            {order.status !== 'cancelled' && !order.paidAt && (viewer === 'buyer' || qrSvg) ? (
              <>
                {viewer === 'buyer' ? (
                  // A picture, not inline SVG: touch and hold saves it to the phone's photos, where
                  // banking apps scan a QR from (iPhone saves a download to Files instead).
                  <img
                    className="qr"
                    src={`/orders/${order.reference}/qr.png`}
                    alt={t('market:payment.qrLabel', { reference: payment.reference })}
                    width={720}
                    height={720}
                  />
                ) : (
                  <div
                    className="qr"
                    role="img"
                    aria-label={t('market:payment.qrLabel', { reference: payment.reference })}
                    dangerouslySetInnerHTML={{ __html: qrSvg ?? '' }}
                  />
                )}
                {viewer === 'buyer' ? (
                  <p>
                    <a href={`/orders/${order.reference}/qr.png`} download={`${order.reference}-qr.png`} className="button button-secondary">
                      {t('market:payment.saveQr')}
                    </a>
                    <br />
                    <span className="muted small">{t('market:payment.saveQrHint')}</span>
                  </p>
                ) : null}
              </>
            ) : null}
            <dl className="facts">
              <dt>{t('market:orders.amount')}</dt>
              <dd>
                <Money minor={payment.amountMinor} currency={payment.currency} />{' '}
                {viewer === 'buyer' ? (
                  <CopyButton
                    value={payment.currency === 'THB' ? (payment.amountMinor / 100).toFixed(2) : String(payment.amountMinor)}
                    what={t('market:orders.amount')}
                    text={t('market:payment.copy')}
                    done={t('market:payment.copied')}
                    failed={t('market:payment.copyFailed')}
                  />
                ) : null}
              </dd>
              <dt>{t('market:payment.reference')}</dt>
              <dd>
                <code>{payment.reference}</code>{' '}
                {viewer === 'buyer' ? (
                  <CopyButton
                    value={payment.reference}
                    what={t('market:payment.reference')}
                    text={t('market:payment.copy')}
                    done={t('market:payment.copied')}
                    failed={t('market:payment.copyFailed')}
                  />
                ) : null}
              </dd>
              {payment.bankName ? (
                <>
                  <dt>{t('market:payment.bank')}</dt>
                  <dd>{payment.bankName}</dd>
                </>
              ) : null}
              <dt>{t(payment.scheme === 'vietqr' ? 'market:payment.account' : 'market:payment.promptPayId')}</dt>
              <dd>
                <code>{payment.account}</code>{' '}
                {viewer === 'buyer' ? (
                  <CopyButton
                    value={payment.account}
                    what={t(payment.scheme === 'vietqr' ? 'market:payment.account' : 'market:payment.promptPayId')}
                    text={t('market:payment.copy')}
                    done={t('market:payment.copied')}
                    failed={t('market:payment.copyFailed')}
                  />
                ) : null}
              </dd>
              <dt>{t('market:payment.accountName')}</dt>
              <dd>{payment.accountName}</dd>
            </dl>
          </>
        ) : (
          <p>{t('market:payment.cashExplained')}</p>
        )}
      </section>
      <section className="card" aria-labelledby="delivery-title">
        <h2 id="delivery-title">{t('market:checkout.delivery')}</h2>
        <p className="pre-line">
          {order.delivery.name} · {order.delivery.phone}
          {'\n'}
          {order.delivery.street}, {order.delivery.commune}, {provinceName}
          {order.delivery.note ? `\n${order.delivery.note}` : ''}
        </p>
        {order.carrier ? <p>{t('market:orders.shippedWith', { carrier: order.carrier, tracking: order.tracking ?? '' })}</p> : null}
      </section>
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('market:orders.timeline')}</h2>
        <ol className="timeline">
          {order.timeline.map((step, i) => (
            <li key={i}>
              <strong>{t(`market:status.${step.kind}`)}</strong> — {formatDate(step.createdAt, locale, timeZone, true)}
              {step.actorName ? ` · ${step.onBehalf ? t('market:assisted.byFor', { name: step.actorName }) : step.actorName}` : ''}
              {step.note ? <span className="muted"> · {step.note}</span> : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
