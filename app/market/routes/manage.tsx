import { useT } from '~/i18n/use-t.ts';
import { data, Form, Link } from 'react-router';
import { requireAlso, requirePermission } from '~/auth/guards.server.ts';
import { permits } from '~/auth/permissions.ts';
import type { Locale } from '~/i18n/config.ts';
import { formatDate } from '~/i18n/format.ts';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import { readForm } from '~/lib/body.server.ts';
import { notFound } from '~/lib/errors.ts';
import { redirectWithFlash } from '~/lib/flash.server.ts';
import { failureFrom, type FieldErrors, formFailure, parseForm } from '~/lib/forms.ts';
import { UUID_PATTERN } from '~/lib/ids.ts';
import { localized } from '~/tenancy/commune.ts';
import { nestLocaleFields } from '~/tenancy/schemas.ts';
import { Field, FormError, SubmitButton } from '~/ui/form.tsx';
import { listCommuneOrders } from '../orders.server.ts';
import { StatusBadge } from '../order-view.tsx';
import { moderateProduct, moderationQueue } from '../products.server.ts';
import { SellerFields } from '../seller-form.tsx';
import { ConsentSchema, CoolingSchema, PAYOUT_COOLING_RANGE, RejectSchema, SellerProfileSchema } from '../schemas.ts';
import { cancelPayoutChange, getPayoutCooling, setPayoutCooling, waitingPayoutChanges } from '../payouts.server.ts';
import { addSellerByOfficial, approveSeller, getModeration, listSellers, rejectSeller, requestConsent, setModeration } from '../sellers.server.ts';
import { VIETNAMESE_BANKS } from '~/payments/banks.ts';
import { Money, PendingPayoutText } from '../ui.tsx';
import type { Route } from './+types/manage';
import { pageMeta } from '~/ui/meta.ts';

/** The commune's market desk: seller requests, the moderation queue, assisted mode and orders. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const { scope, commune } = await requirePermission({ context, request }, 'market.desk');
  const isOfficial = permits(scope, 'seller.review');
  const [sellers, queue, moderation, orders, coolingHours, waiting] = await Promise.all([
    listSellers(scope),
    permits(scope, 'product.takedown') ? moderationQueue(scope) : Promise.resolve([]),
    getModeration(scope),
    permits(scope, 'order.list') ? listCommuneOrders(scope) : Promise.resolve([]),
    getPayoutCooling(scope),
    permits(scope, 'payout.review') ? waitingPayoutChanges(scope) : Promise.resolve([]),
  ]);
  const bankName = (bin: string) => VIETNAMESE_BANKS.find((b) => b.bin === bin)?.shortName ?? bin;
  const locale = getLocale(context) as Locale;
  return {
    title: getI18n(context).t('market:manage.title'),
    slug: commune.slug,
    timeZone: commune.timeZone,
    isOfficial,
    moderation,
    coolingHours,
    sellers,
    queue: queue.map((p) => ({ ...p, title: localized(p.title, locale, commune.defaultLocale).text })),
    orders,
    // Payout changes still waiting, with the account as the seller would recognise it.
    payouts: waiting.map((p) => ({
      id: p.id,
      sellerId: p.sellerId,
      sellerName: p.sellerName,
      sellerHasAccount: p.sellerHasAccount,
      requestedBy: p.requestedBy,
      requestedAt: p.requestedAt,
      effectiveAt: p.effectiveAt,
      account: p.payout.kind === 'vietqr' ? `${bankName(p.payout.bin)} ${p.payout.account}` : `PromptPay ${p.payout.id}`,
      accountName: p.payout.accountName,
    })),
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const { scope, commune } = await requirePermission({ context, request }, 'market.desk');
  const { form, failure } = await readForm(request);
  if (failure) return data({ ...failure, intent: String(form.get('intent') ?? ''), id: String(form.get('id') ?? '') }, { status: 400 });
  const intent = String(form.get('intent') ?? '');
  const id = String(form.get('id') ?? '');
  const back = `/${commune.slug}/market/manage`;
  const needsId = ['approve-seller', 'reject-seller', 'consent', 'approve-product', 'reject-product', 'cancel-payout'];
  if (needsId.includes(intent) && !UUID_PATTERN.test(id)) notFound();
  // Opening the desk lets editors ask for consent; each decision below proves its own action
  // (requireAlso), and whoever lacks it gets the desk's 404.
  try {
    switch (intent) {
      case 'approve-seller':
        await approveSeller(requireAlso(scope, 'seller.review'), id);
        return redirectWithFlash(back, { key: 'market:manage.sellerApproved' });
      case 'reject-seller': {
        const official = requireAlso(scope, 'seller.review');
        const parsed = parseForm(form, RejectSchema);
        if (!parsed.ok) return data({ ...parsed, intent, id }, { status: 400 });
        await rejectSeller(official, id, parsed.data.reason);
        return redirectWithFlash(back, { key: 'market:manage.sellerRejected', tone: 'info' });
      }
      case 'add-seller': {
        const official = requireAlso(scope, 'seller.review');
        const parsed = parseForm(form, SellerProfileSchema, (raw) => nestLocaleFields(raw, ['story']));
        const consent = parseForm(form, ConsentSchema);
        if (!parsed.ok || !consent.ok) {
          return data({ ...formFailure(form, { ...(parsed.ok ? {} : parsed.errors), ...(consent.ok ? {} : consent.errors) }), intent, id }, { status: 400 });
        }
        const sellerId = await addSellerByOfficial(official, parsed.data, consent.data.note);
        return redirectWithFlash(`/${commune.slug}/market/sellers/${sellerId}`, { key: 'market:manage.sellerAdded' });
      }
      case 'consent': {
        // Staff ask; the seller (or, for a seller without an account, a second official) confirms.
        const parsed = parseForm(form, ConsentSchema);
        if (!parsed.ok) return data({ ...parsed, intent, id }, { status: 400 });
        const outcome = await requestConsent(scope, id, parsed.data.note);
        const key = (
          {
            requested: 'market:assisted.consentRequested',
            recorded: 'market:assisted.consentRecorded',
            awaiting_second: 'market:assisted.consentAwaitingSecond',
          } as const
        )[outcome];
        return redirectWithFlash(`/${commune.slug}/market/sellers/${id}`, { key });
      }
      case 'cancel-payout': {
        const official = requireAlso(scope, 'payout.review');
        const sellerId = String(form.get('sellerId') ?? '');
        if (!UUID_PATTERN.test(sellerId)) notFound();
        await cancelPayoutChange(official, sellerId, id);
        return redirectWithFlash(back, { key: 'market:payout.cancelled', tone: 'info' });
      }
      case 'cooling': {
        const official = requireAlso(scope, 'market.settings');
        const parsed = parseForm(form, CoolingSchema);
        if (!parsed.ok) return data({ ...parsed, intent, id }, { status: 400 });
        await setPayoutCooling(official, parsed.data.hours);
        return redirectWithFlash(back, { key: 'market:payout.coolingSaved' });
      }
      case 'approve-product':
        await moderateProduct(requireAlso(scope, 'product.takedown'), id, { approve: true });
        return redirectWithFlash(back, { key: 'market:manage.productApproved' });
      case 'reject-product': {
        const official = requireAlso(scope, 'product.takedown');
        const parsed = parseForm(form, RejectSchema);
        if (!parsed.ok) return data({ ...parsed, intent, id }, { status: 400 });
        await moderateProduct(official, id, { approve: false, reason: parsed.data.reason });
        return redirectWithFlash(back, { key: 'market:manage.productRejected', tone: 'info' });
      }
      case 'moderation':
        await setModeration(requireAlso(scope, 'market.settings'), form.get('on') === '1');
        return redirectWithFlash(back, { key: 'market:manage.moderationSaved' });
    }
  } catch (error) {
    const { failure, status } = failureFrom(error, form);
    return data({ ...failure, intent, id }, { status });
  }
  return data({ ...formFailure(form, { _form: 'common:validation.invalid' }), intent, id }, { status: 400 });
}

export const meta: Route.MetaFunction = (args) => pageMeta(args);

export default function ManageMarket({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useT();
  const locale = i18n.language as Locale;
  const d = loaderData;
  const errorsFor = (intent: string, id = '') => (actionData && actionData.intent === intent && actionData.id === id ? actionData.errors : undefined);
  const pending = d.sellers.filter((s) => s.status === 'pending');
  return (
    <div className="stack">
      <h1>{t('market:manage.title')}</h1>
      {actionData && !['reject-seller', 'reject-product', 'add-seller', 'consent', 'cooling'].includes(actionData.intent) ? (
        <FormError errors={actionData.errors} />
      ) : null}
      {d.isOfficial ? (
        <section className="card stack" aria-labelledby="requests-title">
          <h2 id="requests-title">{t('market:manage.requests', { count: pending.length })}</h2>
          {pending.length === 0 ? <p className="muted">{t('market:manage.noRequests')}</p> : null}
          {pending.map((s) => (
            <div key={s.id} className="stack request">
              <p>
                <strong>{s.name}</strong> {s.hamlet ? `· ${s.hamlet}` : ''} {s.phone ? `· ${s.phone}` : ''}{' '}
                {s.isCooperative ? `· ${t('market:seller.cooperative')}` : ''}
              </p>
              <Decision id={s.id} kind="seller" reasonLabel={t('market:manage.reason')} errors={errorsFor('reject-seller', s.id)} />
            </div>
          ))}
        </section>
      ) : null}
      {d.isOfficial ? (
        <section className="card stack" aria-labelledby="queue-title">
          <h2 id="queue-title">{t('market:manage.queue', { count: d.queue.length })}</h2>
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="moderation" />
            <input type="hidden" name="on" value={d.moderation ? '0' : '1'} />
            <span>{d.moderation ? t('market:manage.moderationOn') : t('market:manage.moderationOff')}</span>{' '}
            <button type="submit" className="link-button">
              {d.moderation ? t('market:manage.turnOff') : t('market:manage.turnOn')}
            </button>
          </Form>
          {d.queue.map((p) => (
            <div key={p.id} className="stack request">
              <p>
                <strong>{p.title}</strong> · {p.sellerName} · <Money minor={p.priceMinor} currency={p.currency} /> ·{' '}
                {t('market:product.stockCount', { count: p.stock })}
              </p>
              <Decision id={p.id} kind="product" reasonLabel={t('market:manage.reasonForSeller')} errors={errorsFor('reject-product', p.id)}>
                <Link to={`/${d.slug}/market/products/${p.id}/edit`}>{t('market:manage.review')}</Link>
              </Decision>
            </div>
          ))}
        </section>
      ) : null}
      {d.isOfficial ? (
        <section className="card stack" aria-labelledby="payouts-title">
          <h2 id="payouts-title">{t('market:payout.waitingTitle', { count: d.payouts.length })}</h2>
          <p className="muted">{t('market:payout.waitingLead')}</p>
          {d.payouts.map((p) => (
            <Form key={p.id} method="post" className="stack request">
              <p>
                <Link to={`/${d.slug}/market/sellers/${p.sellerId}`}>{p.sellerName}</Link>
                {p.sellerHasAccount ? '' : ` · ${t('market:payout.noAccount')}`}
              </p>
              <PendingPayoutText change={p} locale={locale} timeZone={d.timeZone} t={t} />
              <input type="hidden" name="id" value={p.id} />
              <input type="hidden" name="sellerId" value={p.sellerId} />
              <SubmitButton name="intent" value="cancel-payout">
                {t('market:payout.cancel')}
              </SubmitButton>
            </Form>
          ))}
        </section>
      ) : null}
      {d.isOfficial ? (
        <section className="card stack" aria-labelledby="cooling-title">
          <h2 id="cooling-title">{t('market:payout.coolingTitle')}</h2>
          <p className="muted">{t('market:payout.coolingLead')}</p>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="cooling" />
            <FormError errors={errorsFor('cooling')} />
            <Field
              name="hours"
              inputMode="numeric"
              label={t('market:payout.coolingHours')}
              defaultValue={actionData?.intent === 'cooling' ? String(actionData.values?.hours ?? '') : String(d.coolingHours)}
              errors={errorsFor('cooling')}
              required
              maxLength={String(PAYOUT_COOLING_RANGE.max).length}
            />
            <SubmitButton>{t('market:payout.save')}</SubmitButton>
          </Form>
        </section>
      ) : null}
      <section className="card stack" aria-labelledby="sellers-title">
        <h2 id="sellers-title">{t('market:manage.sellers')}</h2>
        <p className="muted">{t('market:assisted.explain')}</p>
        <ul className="link-list">
          {d.sellers
            .filter((s) => s.status !== 'pending')
            .map((s) => (
              <li key={s.id}>
                <Link to={`/${d.slug}/market/sellers/${s.id}`}>{s.name}</Link> · {t(`market:sellerStatus.${s.status}`)}
                {s.consentAt ? ` · ${t('market:assisted.hasConsent')}` : ''}
              </li>
            ))}
        </ul>
      </section>
      {d.isOfficial ? (
        <details className="card" open={actionData?.intent === 'add-seller'}>
          <summary>{t('market:manage.addSeller')}</summary>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="add-seller" />
            <p className="muted">{t('market:manage.addSellerLead')}</p>
            <FormError errors={errorsFor('add-seller')} />
            <SellerFields values={actionData?.intent === 'add-seller' ? actionData.values : {}} errors={errorsFor('add-seller')} />
            <Field
              name="note"
              label={t('market:assisted.consentNote')}
              hint={t('market:assisted.consentHint')}
              errors={errorsFor('add-seller')}
              required
              maxLength={500}
            />
            <SubmitButton>{t('market:manage.addSeller')}</SubmitButton>
          </Form>
        </details>
      ) : null}
      {d.isOfficial ? (
        <section className="card stack" aria-labelledby="orders-title">
          <h2 id="orders-title">{t('market:manage.orders')}</h2>
          {d.orders.length === 0 ? <p className="muted">{t('market:orders.none')}</p> : null}
          <ul className="link-list">
            {d.orders.map((o) => (
              <li key={o.id}>
                <Link to={`/${d.slug}/market/orders/${o.reference}`}>{o.reference}</Link> <StatusBadge status={o.status} /> · {o.sellerName} ·{' '}
                <Money minor={o.totalMinor} currency={o.currency} /> · {formatDate(o.placedAt, locale, d.timeZone)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

/** Approve, or refuse with a reason the seller will read: for a seller's request or a listing. */
function Decision({
  id,
  kind,
  reasonLabel,
  errors,
  children,
}: {
  id: string;
  kind: 'seller' | 'product';
  reasonLabel: string;
  errors?: FieldErrors;
  children?: React.ReactNode;
}) {
  const { t } = useT();
  return (
    <div className="actions">
      <Form method="post" className="inline-form">
        <input type="hidden" name="id" value={id} />
        <SubmitButton name="intent" value={`approve-${kind}`}>
          {t('market:manage.approve')}
        </SubmitButton>
      </Form>
      {children}
      <details open={Boolean(errors)}>
        <summary>{t('market:manage.reject')}</summary>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="intent" value={`reject-${kind}`} />
          <Field name="reason" label={reasonLabel} errors={errors} maxLength={500} required />
          <SubmitButton>{t('market:manage.reject')}</SubmitButton>
        </Form>
      </details>
    </div>
  );
}
