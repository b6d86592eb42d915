import { useT } from '~/i18n/use-t.ts';
import type { MessageKey } from '~/i18n/message-key.ts';
import type { SellerAction } from '#domain/market.ts';
import { data, Form, Link } from 'react-router';
import { permits } from '~/auth/permissions.ts';
import type { Locale } from '~/i18n/config.ts';
import { formatDate } from '~/i18n/format.ts';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import { readFormData } from '~/lib/body.server.ts';
import { notFound } from '~/lib/errors.ts';
import { redirectWithFlash } from '~/lib/flash.server.ts';
import { failureFrom, formFailure, parseForm } from '~/lib/forms.ts';
import { UUID_PATTERN } from '~/lib/ids.ts';
import { MAX_UPLOAD_BYTES } from '~/media/image-pipeline.server.ts';
import { saveImage } from '~/media/media.server.ts';
import { ResponsiveImage } from '~/media/responsive-image.tsx';
import { VIETNAMESE_BANKS } from '~/payments/banks.ts';
import { localized } from '~/tenancy/commune.ts';
import { nestLocaleFields } from '~/tenancy/schemas.ts';
import { Field, FormError, SubmitButton } from '~/ui/form.tsx';
import { listSellerOrders } from '../orders.server.ts';
import { StatusBadge } from '../order-view.tsx';
import { certValid, listSellerProducts, reinstateProduct, setProductArchived, takeDownProduct } from '../products.server.ts';
import { SellerFields, sellerValues } from '../seller-form.tsx';
import { ConsentCodeSchema, ConsentSchema, payoutSchema, RejectSchema, SellerProfileSchema } from '../schemas.ts';
import { cancelPayoutChange, getPayout, pendingPayouts, setPayout } from '../payouts.server.ts';
import {
  approveSeller,
  confirmConsentByOfficial,
  confirmConsentCode,
  giveConsent,
  issueConsentCode,
  openConsentRequest,
  sellerHistory,
  suspendSeller,
  updateSellerProfile,
  withdrawConsent,
} from '../sellers.server.ts';
import { Money, PendingPayoutText } from '../ui.tsx';
import { openShop } from '../access.server.ts';
import { shrinkPickedPhotos } from '~/media/shrink-photos.ts';
import type { Route } from './+types/seller-dashboard';
import { pageMeta } from '~/ui/meta.ts';

/** The seller themself, or the commune's officials and editors (assisted mode); anyone else gets 404. */
const access = (context: Route.LoaderArgs['context'], request: Request, sellerId: string) => openShop(context, request, async () => sellerId);

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const { commune, scope, seller, isSelf, isStaff, canAct } = await access(context, request, params.sellerId);
  const locale = getLocale(context) as Locale;
  const isOfficial = isStaff && permits(scope, 'seller.review');
  const [products, orders, history, payout, pending, consentRequest] = await Promise.all([
    listSellerProducts(scope, seller.id),
    listSellerOrders(scope, seller.id),
    sellerHistory(scope, seller.id),
    getPayout(scope, seller.id),
    pendingPayouts(scope, seller.id),
    openConsentRequest(scope, seller.id),
  ]);
  const bankName = (bin: string) => VIETNAMESE_BANKS.find((b) => b.bin === bin)?.shortName ?? bin;
  const today = new Date().toISOString().slice(0, 10);
  return {
    title: getI18n(context).t('market:dashboard.title', { name: seller.name }),
    slug: commune.slug,
    currency: commune.currency,
    timeZone: commune.timeZone,
    isSelf,
    isStaff,
    isOfficial,
    // The shop (listings, profile, payout) opens only while the seller is approved; orders in
    // flight stay handleable on their own pages.
    canAct: canAct && seller.status === 'approved',
    seller: {
      id: seller.id,
      name: seller.name,
      status: seller.status,
      reason: seller.status === 'suspended' ? seller.rejectReason : null,
      hasAccount: Boolean(seller.userId),
      photo: seller.photo,
      consentAt: seller.consentAt,
      consentNote: seller.consentNote,
    },
    // Each waiting payout change, with the account as its seller will recognise it.
    pending: pending.map((p) => ({
      id: p.id,
      requestedBy: p.requestedBy,
      requestedAt: p.requestedAt,
      effectiveAt: p.effectiveAt,
      account: p.payout.kind === 'vietqr' ? `${bankName(p.payout.bin)} ${p.payout.account}` : `PromptPay ${p.payout.id}`,
      accountName: p.payout.accountName,
    })),
    consentRequest: consentRequest
      ? {
          method: consentRequest.method,
          note: consentRequest.note,
          requestedBy: consentRequest.requestedBy,
          byViewer: consentRequest.requestedById === scope.userId,
        }
      : null,
    profile: sellerValues(seller),
    payout,
    banks: commune.currency === 'VND' ? VIETNAMESE_BANKS.map((b) => ({ bin: b.bin, label: `${b.shortName} — ${b.name}` })) : [],
    products: products.map((p) => ({
      ...p,
      title: localized(p.title, locale, commune.defaultLocale).text,
      certExpired: Boolean(p.certStars && p.certExpiresOn && !certValid(p, today)),
      certExpiringSoon: Boolean(
        p.certStars && p.certExpiresOn && certValid(p, today) && p.certExpiresOn < new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
      ),
    })),
    orders,
    history,
  };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const { commune, scope, seller, isStaff } = await access(context, request, params.sellerId);
  let form: FormData;
  try {
    const submitted = await readFormData(request, MAX_UPLOAD_BYTES + 64 * 1024);
    if (submitted.failure) return data({ ...submitted.failure, intent: String(submitted.form.get('intent') ?? '') }, { status: 400 });
    form = submitted.form;
  } catch (error) {
    const { failure, status } = failureFrom(error, new FormData(), 'photo');
    return data({ ...failure, intent: 'profile' }, { status });
  }
  const intent = String(form.get('intent') ?? '');
  const back = `/${commune.slug}/market/sellers/${seller.id}`;
  const timeZone = commune.timeZone;
  const locale = getLocale(context) as Locale;
  try {
    if (intent === 'profile') {
      const parsed = parseForm(form, SellerProfileSchema, (raw) => nestLocaleFields(raw, ['story']));
      if (!parsed.ok) return data({ ...parsed, intent }, { status: 400 });
      const file = form.get('photo');
      let photo;
      if (file instanceof File && file.size > 0) {
        try {
          photo = await saveImage(scope, new Uint8Array(await file.arrayBuffer()));
        } catch (error) {
          const { failure, status } = failureFrom(error, form, 'photo');
          return data({ ...failure, intent }, { status });
        }
      }
      await updateSellerProfile(scope, seller.id, parsed.data, photo);
      return redirectWithFlash(back, { key: 'market:dashboard.profileSaved' });
    }
    if (intent === 'payout') {
      const parsed = parseForm(form, payoutSchema(commune.currency));
      if (!parsed.ok) return data({ ...parsed, intent }, { status: 400 });
      const now = new Date();
      const { effectiveAt } = await setPayout(scope, seller.id, parsed.data, now);
      if (effectiveAt.getTime() <= now.getTime()) return redirectWithFlash(back, { key: 'market:dashboard.payoutSaved' });
      return redirectWithFlash(back, { key: 'market:payout.requested', params: { date: formatDate(effectiveAt, locale, timeZone, true) } });
    }
    if (intent === 'cancel-payout') {
      const payoutId = String(form.get('payoutId') ?? '');
      if (!UUID_PATTERN.test(payoutId)) notFound();
      await cancelPayoutChange(scope, seller.id, payoutId);
      return redirectWithFlash(back, { key: 'market:payout.cancelled', tone: 'info' });
    }
    if (intent === 'archive' || intent === 'restore') {
      const productId = String(form.get('productId') ?? '');
      if (!UUID_PATTERN.test(productId)) notFound();
      await setProductArchived(scope, productId, intent === 'archive');
      return redirectWithFlash(back, { key: intent === 'archive' ? 'market:dashboard.archived' : 'market:dashboard.restored', tone: 'info' });
    }
    // The seller's own choices about assisted mode.
    if (permits(scope, 'shop.consent', { ownerId: seller.userId }) && (intent === 'give-consent' || intent === 'withdraw-consent' || intent === 'show-code')) {
      if (intent === 'withdraw-consent') {
        await withdrawConsent(scope, seller.id);
        return redirectWithFlash(back, { key: seller.consentAt ? 'market:assisted.consentWithdrawn' : 'market:assisted.declined', tone: 'info' });
      }
      if (intent === 'show-code') {
        const { code } = await issueConsentCode(scope, seller.id);
        return data({ intent, code, errors: undefined, values: undefined });
      }
      const parsed = parseForm(form, ConsentSchema);
      if (!parsed.ok) return data({ ...parsed, intent }, { status: 400 });
      await giveConsent(scope, seller.id, parsed.data.note);
      return redirectWithFlash(back, { key: 'market:assisted.consentGiven' });
    }
    // Staff: a code the seller read out, a second official's confirmation, and officials' measures.
    if (intent === 'confirm-code' && isStaff && permits(scope, 'shop.assist')) {
      const parsed = parseForm(form, ConsentCodeSchema);
      if (!parsed.ok) return data({ ...parsed, intent }, { status: 400 });
      await confirmConsentCode(scope, seller.id, parsed.data.code);
      return redirectWithFlash(back, { key: 'market:assisted.consentRecorded' });
    }
    // Officials' measures, acting for the seller (never as them): each proves its own action.
    const officialOnly = () => data({ ...formFailure(form, { _form: 'market:assisted.officialOnly' }), intent }, { status: 403 });
    if (intent === 'confirm-consent') {
      if (!(isStaff && permits(scope, 'consent.record'))) return officialOnly();
      await confirmConsentByOfficial(scope, seller.id);
      return redirectWithFlash(back, { key: 'market:assisted.consentRecorded' });
    }
    if (intent === 'suspend-seller' || intent === 'reinstate-seller') {
      if (!(isStaff && permits(scope, 'seller.review'))) return officialOnly();
      if (intent === 'reinstate-seller') {
        await approveSeller(scope, seller.id);
        return redirectWithFlash(back, { key: 'market:suspend.reinstated' });
      }
      const parsed = parseForm(form, RejectSchema);
      if (!parsed.ok) return data({ ...parsed, intent }, { status: 400 });
      await suspendSeller(scope, seller.id, parsed.data.reason);
      return redirectWithFlash(back, { key: 'market:suspend.done', tone: 'info' });
    }
    if (intent === 'take-down' || intent === 'reinstate-product') {
      if (!(isStaff && permits(scope, 'product.takedown'))) return officialOnly();
      const productId = String(form.get('productId') ?? '');
      if (!UUID_PATTERN.test(productId)) notFound();
      if (intent === 'reinstate-product') {
        await reinstateProduct(scope, productId);
        return redirectWithFlash(back, { key: 'market:takedown.reinstated' });
      }
      const parsed = parseForm(form, RejectSchema);
      if (!parsed.ok) return data({ ...parsed, intent, productId }, { status: 400 });
      await takeDownProduct(scope, productId, parsed.data.reason);
      return redirectWithFlash(back, { key: 'market:takedown.done', tone: 'info' });
    }
  } catch (error) {
    const { failure, status } = failureFrom(error, form);
    return data({ ...failure, intent }, { status });
  }
  return data({ ...formFailure(form, { _form: 'common:validation.invalid' }), intent }, { status: 400 });
}

/** Each recorded action's line in the seller's history. */
const ACTION_LABELS: Record<SellerAction, MessageKey> = {
  'seller.applied': 'market:actions.seller_applied',
  'seller.added': 'market:actions.seller_added',
  'seller.approved': 'market:actions.seller_approved',
  'seller.rejected': 'market:actions.seller_rejected',
  'seller.suspended': 'market:actions.seller_suspended',
  'seller.reinstated': 'market:actions.seller_reinstated',
  'seller.profile_updated': 'market:actions.seller_profile_updated',
  'seller.payout_updated': 'market:actions.seller_payout_updated',
  'seller.payout_change_requested': 'market:actions.seller_payout_change_requested',
  'seller.payout_change_cancelled': 'market:actions.seller_payout_change_cancelled',
  'seller.payout_change_effective': 'market:actions.seller_payout_change_effective',
  'seller.consent_requested': 'market:actions.seller_consent_requested',
  'seller.consent_proposed': 'market:actions.seller_consent_proposed',
  'seller.consent_recorded': 'market:actions.seller_consent_recorded',
  'seller.consent_given': 'market:actions.seller_consent_given',
  'seller.consent_confirmed': 'market:actions.seller_consent_confirmed',
  'seller.consent_withdrawn': 'market:actions.seller_consent_withdrawn',
  'seller.consent_cleared': 'market:actions.seller_consent_cleared',
  'product.created': 'market:actions.product_created',
  'product.updated': 'market:actions.product_updated',
  'product.archived': 'market:actions.product_archived',
  'product.restored': 'market:actions.product_restored',
  'product.approved': 'market:actions.product_approved',
  'product.rejected': 'market:actions.product_rejected',
  'product.taken_down': 'market:actions.product_taken_down',
  'product.reinstated': 'market:actions.product_reinstated',
  'order.confirmed': 'market:actions.order_confirmed',
  'order.shipped': 'market:actions.order_shipped',
  'order.delivered': 'market:actions.order_delivered',
  'order.completed': 'market:actions.order_completed',
  'order.cancelled': 'market:actions.order_cancelled',
  'order.paid': 'market:actions.order_paid',
};

export const meta: Route.MetaFunction = (args) => pageMeta(args);

export default function SellerDashboard({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useT();
  const locale = i18n.language as Locale;
  const d = loaderData;
  const base = `/${d.slug}/market`;
  const errorsOf = (intent: string) => (actionData?.intent === intent ? actionData.errors : undefined);
  const valuesOf = (intent: string) => (actionData?.intent === intent ? actionData.values : undefined);
  const payoutValues =
    valuesOf('payout') ??
    (d.payout?.kind === 'vietqr'
      ? { bankBin: d.payout.bin, account: d.payout.account, accountName: d.payout.accountName }
      : d.payout?.kind === 'promptpay'
        ? { promptPayId: d.payout.id, accountName: d.payout.accountName }
        : {});
  const { canAct } = d;
  return (
    <div className="stack">
      <h1>{t('market:dashboard.title', { name: d.seller.name })}</h1>
      {d.isStaff ? (
        <p className="notice" role="status">
          {d.seller.consentAt ? t('market:assisted.actingFor', { name: d.seller.name, note: d.seller.consentNote ?? '' }) : t('market:assisted.needConsent')}
        </p>
      ) : null}
      {actionData && !['profile', 'payout', 'confirm-code', 'give-consent', 'suspend-seller'].includes(actionData.intent) ? (
        <FormError errors={actionData.errors} />
      ) : null}
      {d.seller.status === 'suspended' ? (
        <div className="notice" role="status">
          <p>{t('market:dashboard.suspendedNotice')}</p>
          {d.seller.reason ? <p>{t('market:dashboard.suspendedBecause', { reason: d.seller.reason })}</p> : null}
        </div>
      ) : null}
      {d.pending.length ? (
        <section className="card stack notice" role="alert" aria-labelledby="pending-payout-title">
          <h2 id="pending-payout-title">{t('market:payout.pendingTitle')}</h2>
          {d.pending.map((p) => (
            <Form key={p.id} method="post" className="stack">
              <PendingPayoutText change={p} locale={locale} timeZone={d.timeZone} t={t} />
              <input type="hidden" name="payoutId" value={p.id} />
              {d.isSelf || d.isOfficial ? (
                <SubmitButton name="intent" value="cancel-payout">
                  {t('market:payout.cancel')}
                </SubmitButton>
              ) : null}
            </Form>
          ))}
          <p>{t('market:payout.pendingKeep')}</p>
        </section>
      ) : null}
      {d.isSelf && !d.seller.consentAt && d.consentRequest?.method === 'code' ? (
        <section className="card stack notice" aria-labelledby="consent-request-title">
          <p id="consent-request-title">
            {t('market:assisted.requestFrom', { name: d.consentRequest.requestedBy ?? t('market:payout.someone'), note: d.consentRequest.note })}
          </p>
          {actionData?.intent === 'show-code' && 'code' in actionData ? (
            <p>
              {t('market:assisted.yourCode')} <strong className="consent-code">{actionData.code}</strong>
            </p>
          ) : null}
          <Form method="post" className="actions">
            <input type="hidden" name="note" value={d.consentRequest.note} />
            <SubmitButton name="intent" value="give-consent">
              {t('market:assisted.agree')}
            </SubmitButton>
            <button type="submit" name="intent" value="show-code" className="button">
              {t('market:assisted.showCode')}
            </button>
            <button type="submit" name="intent" value="withdraw-consent" className="link-button">
              {t('market:assisted.decline')}
            </button>
          </Form>
        </section>
      ) : null}
      {d.isSelf && !d.seller.consentAt && !d.consentRequest ? (
        <details className="card" open={actionData?.intent === 'give-consent'}>
          <summary>{t('market:assisted.turnOn')}</summary>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="give-consent" />
            <p className="muted">{t('market:assisted.turnOnLead')}</p>
            <FormError errors={errorsOf('give-consent')} />
            <Field name="note" label={t('market:assisted.helpNote')} errors={errorsOf('give-consent')} required maxLength={500} />
            <SubmitButton>{t('market:assisted.turnOn')}</SubmitButton>
          </Form>
        </details>
      ) : null}
      {d.isStaff && !d.seller.consentAt ? (
        d.consentRequest?.method === 'official' ? (
          <Form method="post" className="card stack">
            <p>{t('market:assisted.awaitingSecond', { name: d.consentRequest.requestedBy ?? t('market:payout.someone'), note: d.consentRequest.note })}</p>
            {d.isOfficial && !d.consentRequest.byViewer ? (
              <SubmitButton name="intent" value="confirm-consent">
                {t('market:assisted.confirmSecond')}
              </SubmitButton>
            ) : null}
          </Form>
        ) : d.consentRequest?.method === 'code' ? (
          <Form method="post" className="card stack" noValidate>
            <input type="hidden" name="intent" value="confirm-code" />
            <p>{t('market:assisted.waitingForCode')}</p>
            <FormError errors={errorsOf('confirm-code')} />
            <Field
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              label={t('market:assisted.code')}
              errors={errorsOf('confirm-code')}
              required
              maxLength={12}
            />
            <SubmitButton>{t('market:assisted.confirmCode')}</SubmitButton>
          </Form>
        ) : d.seller.hasAccount || d.isOfficial ? (
          <Form method="post" action={`${base}/manage`} className="card stack" noValidate>
            <input type="hidden" name="intent" value="consent" />
            <input type="hidden" name="id" value={d.seller.id} />
            <p className="muted">{d.seller.hasAccount ? t('market:assisted.askConsentLead') : t('market:assisted.recordConsentLead')}</p>
            <Field name="note" label={t('market:assisted.consentNote')} hint={t('market:assisted.consentHint')} required maxLength={500} />
            <SubmitButton>{d.seller.hasAccount ? t('market:assisted.askConsent') : t('market:assisted.recordConsent')}</SubmitButton>
          </Form>
        ) : (
          <p className="muted">{t('market:assisted.recordConsentLead')}</p>
        )
      ) : null}
      {d.isOfficial && d.seller.status === 'suspended' ? (
        <Form method="post" className="card">
          <SubmitButton name="intent" value="reinstate-seller">
            {t('market:suspend.reinstate')}
          </SubmitButton>
        </Form>
      ) : null}
      {d.isOfficial && d.seller.status === 'approved' ? (
        <details className="card" open={actionData?.intent === 'suspend-seller'}>
          <summary>{t('market:suspend.action')}</summary>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="suspend-seller" />
            <p className="muted">{t('market:suspend.lead')}</p>
            <FormError errors={errorsOf('suspend-seller')} />
            <Field name="reason" label={t('market:takedown.reason')} errors={errorsOf('suspend-seller')} required maxLength={500} />
            <SubmitButton>{t('market:suspend.action')}</SubmitButton>
          </Form>
        </details>
      ) : null}
      {canAct ? (
        <p className="actions">
          <Link className="button" to={`${base}/sellers/${d.seller.id}/products/new`}>
            {t('market:dashboard.newProduct')}
          </Link>
        </p>
      ) : null}
      <section aria-labelledby="products-title" className="stack">
        <h2 id="products-title">{t('market:dashboard.products', { count: d.products.length })}</h2>
        {d.products.length === 0 ? <p className="muted">{t('market:dashboard.noProducts')}</p> : null}
        <ul className="order-list">
          {d.products.map((p) => (
            <li key={p.id} className="card">
              <strong>{p.title}</strong> <span className={`badge status-${p.status}`}>{t(`market:productStatus.${p.status}`)}</span>
              <br />
              <Money minor={p.priceMinor} currency={p.currency} /> / {t(`market:units.${p.unit}`)} · {t('market:product.stockCount', { count: p.stock })}
              {p.status === 'rejected' && p.rejectReason ? <p className="notice">{t('market:dashboard.rejectedBecause', { reason: p.rejectReason })}</p> : null}
              {p.status === 'suspended' && p.heldStatus === null ? (
                <p className="notice">{t('market:dashboard.takenDownBecause', { reason: p.rejectReason ?? '' })}</p>
              ) : null}
              {p.certExpired ? <p className="notice">{t('market:cert.expiredWarning')}</p> : null}
              {p.certExpiringSoon ? <p className="notice">{t('market:cert.expiringWarning')}</p> : null}
              {/* A div, not a p: a form inside a p is closed early by the browser's HTML parser, so the
                  page the server sent would not match what React hydrates (error #418). */}
              <div className="actions">
                {p.status === 'published' ? <Link to={`${base}/${p.slug}`}>{t('market:dashboard.view')}</Link> : null}
                {canAct ? <Link to={`${base}/products/${p.id}/edit`}>{t('market:product.edit')}</Link> : null}
                {d.isOfficial && p.status === 'suspended' && p.heldStatus === null ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="productId" value={p.id} />
                    <button type="submit" name="intent" value="reinstate-product" className="link-button">
                      {t('market:takedown.reinstate')}
                    </button>
                  </Form>
                ) : null}
                {canAct && p.status !== 'suspended' ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="productId" value={p.id} />
                    <button type="submit" name="intent" value={p.status === 'archived' ? 'restore' : 'archive'} className="link-button">
                      {p.status === 'archived' ? t('market:dashboard.restore') : t('market:dashboard.archive')}
                    </button>
                  </Form>
                ) : null}
              </div>
              {d.isOfficial && (p.status === 'published' || p.status === 'pending') ? (
                <details>
                  <summary>{t('market:takedown.action')}</summary>
                  <Form method="post" className="stack" noValidate>
                    <input type="hidden" name="intent" value="take-down" />
                    <input type="hidden" name="productId" value={p.id} />
                    <Field name="reason" label={t('market:takedown.reason')} required maxLength={500} />
                    <SubmitButton>{t('market:takedown.action')}</SubmitButton>
                  </Form>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="seller-orders-title" className="stack">
        <h2 id="seller-orders-title">{t('market:dashboard.orders', { count: d.orders.length })}</h2>
        {d.orders.length === 0 ? <p className="muted">{t('market:orders.none')}</p> : null}
        <ul className="order-list">
          {d.orders.map((o) => (
            <li key={o.id} className="card">
              <Link to={`${base}/orders/${o.reference}`}>
                <strong>{o.reference}</strong>
              </Link>{' '}
              <StatusBadge status={o.status} /> {o.paidAt ? <span className="badge badge-paid">{t('market:orders.paid')}</span> : null} ·{' '}
              <Money minor={o.totalMinor} currency={o.currency} /> · {t(`market:payment.${o.paymentMethod}`)} ·{' '}
              {formatDate(o.placedAt, locale, d.timeZone, true)}
            </li>
          ))}
        </ul>
      </section>
      {canAct ? (
        <details className="card" open={actionData?.intent === 'payout' || !d.payout}>
          <summary>{t('market:payout.title')}</summary>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="payout" />
            <p className="muted">{d.currency === 'VND' ? t('market:payout.leadVietQr') : t('market:payout.leadPromptPay')}</p>
            <FormError errors={errorsOf('payout')} />
            {d.currency === 'VND' ? (
              <>
                <div className={`field${errorsOf('payout')?.bankBin ? ' field-error' : ''}`}>
                  <label htmlFor="bankBin">{t('market:payout.bank')}</label>
                  <select id="bankBin" name="bankBin" defaultValue={payoutValues.bankBin ?? ''}>
                    <option value="">{t('market:checkout.choose')}</option>
                    {d.banks.map((b) => (
                      <option key={b.bin} value={b.bin}>
                        {b.label}
                      </option>
                    ))}
                  </select>
                  {errorsOf('payout')?.bankBin ? <p className="error">{t(errorsOf('payout')!.bankBin!)}</p> : null}
                </div>
                <Field
                  name="account"
                  inputMode="numeric"
                  label={t('market:payout.account')}
                  defaultValue={payoutValues.account}
                  errors={errorsOf('payout')}
                  maxLength={30}
                />
              </>
            ) : (
              <Field
                name="promptPayId"
                inputMode="numeric"
                label={t('market:payout.promptPayId')}
                hint={t('market:payout.promptPayHint')}
                defaultValue={payoutValues.promptPayId}
                errors={errorsOf('payout')}
                maxLength={30}
              />
            )}
            <Field
              name="accountName"
              label={t('market:payout.accountName')}
              hint={t('market:payout.accountNameHint')}
              defaultValue={payoutValues.accountName}
              errors={errorsOf('payout')}
              maxLength={70}
            />
            <SubmitButton>{t('market:payout.save')}</SubmitButton>
          </Form>
        </details>
      ) : null}
      {canAct ? (
        <details className="card" open={actionData?.intent === 'profile'}>
          <summary>{t('market:dashboard.profile')}</summary>
          <Form method="post" encType="multipart/form-data" className="stack" noValidate>
            <input type="hidden" name="intent" value="profile" />
            <FormError errors={errorsOf('profile')} />
            {d.seller.photo ? <ResponsiveImage image={d.seller.photo} alt="" sizes="96px" /> : null}
            <div className={`field${errorsOf('profile')?.photo ? ' field-error' : ''}`}>
              <label htmlFor="photo">{t('market:seller.photo')}</label>
              <input id="photo" name="photo" type="file" accept="image/jpeg,image/png,image/webp" onChange={shrinkPickedPhotos} />
              {errorsOf('profile')?.photo ? <p className="error">{t(errorsOf('profile')!.photo!)}</p> : null}
            </div>
            <SellerFields values={valuesOf('profile') ?? d.profile} errors={errorsOf('profile')} />
            <SubmitButton>{t('market:dashboard.saveProfile')}</SubmitButton>
          </Form>
        </details>
      ) : null}
      {d.isSelf && d.seller.consentAt ? (
        <Form method="post" className="card">
          <p>{t('market:assisted.youConsented', { note: d.seller.consentNote ?? '' })}</p>
          <button type="submit" name="intent" value="withdraw-consent" className="link-button">
            {t('market:assisted.withdraw')}
          </button>
        </Form>
      ) : null}
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('market:dashboard.history')}</h2>
        <ol className="timeline">
          {d.history.map((h) => (
            <li key={h.id}>
              {formatDate(h.createdAt, locale, d.timeZone, true)} — {t(ACTION_LABELS[h.action])}
              {h.actorName ? ` · ${h.onBehalf ? t('market:assisted.byFor', { name: h.actorName }) : h.actorName}` : ''}
              {typeof h.detail.title === 'string' ? ` · ${h.detail.title}` : ''}
              {typeof h.detail.reference === 'string' ? ` · ${h.detail.reference}` : ''}
              {typeof h.detail.reason === 'string' ? ` · ${h.detail.reason}` : ''}
              {h.detail.cause === 'role_removed' ? ` · ${t('market:actions.roleRemoved')}` : ''}
              {h.detail.cause === 'consent_withdrawn' ? ` · ${t('market:actions.causeConsentWithdrawn')}` : ''}
              {h.detail.cause === 'replaced' ? ` · ${t('market:actions.causeReplaced')}` : ''}
              {h.detail.cause === 'not_by_official' ? ` · ${t('market:actions.causeNotByOfficial')}` : ''}
              {typeof h.detail.last4 === 'string' ? ` · ${t('market:actions.account', { last4: h.detail.last4 })}` : ''}
              {typeof h.detail.effectiveAt === 'string' && !h.detail.immediate
                ? ` · ${t('market:actions.from', { date: formatDate(h.detail.effectiveAt, locale, d.timeZone, true) })}`
                : ''}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
