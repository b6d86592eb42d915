import { useT } from '~/i18n/use-t.ts';
import { data, Form, Link } from 'react-router';
import type { Locale } from '~/i18n/config.ts';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import { readForm } from '~/lib/body.server.ts';
import { databaseContext } from '~/lib/context.ts';
import { redirectWithFlash } from '~/lib/flash.server.ts';
import { failureFrom, formFailure, parseForm } from '~/lib/forms.ts';
import { Field, FormError, SubmitButton } from '~/ui/form.tsx';
import { OrderView } from '../order-view.tsx';
import { canMove } from '../order-status.ts';
import { getCommuneOrder, getOrderSellerId, markPaid, sellerMove, type OrderDetail } from '../orders.server.ts';
import { RejectSchema, ShipSchema } from '../schemas.ts';
import { openShop } from '../access.server.ts';
import { ORDER_REFERENCE } from '../checkout.server.ts';
import { orderPageExtras } from '../order-page.server.ts';
import type { Route } from './+types/seller-order';
import { pageMeta } from '~/ui/meta.ts';

type Ctx = Route.LoaderArgs['context'];

async function access(context: Ctx, request: Request, reference: string) {
  const found: { order?: OrderDetail } = {};
  const shop = await openShop(context, request, async (scope) => {
    if (!ORDER_REFERENCE.test(reference)) return null;
    found.order = (await getCommuneOrder(scope, reference)) ?? undefined;
    return found.order?.sellerId;
  });
  return { ...shop, order: found.order! };
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const { commune, order, isStaff, canAct } = await access(context, request, params.reference);
  const locale = getLocale(context) as Locale;
  const extras = await orderPageExtras(context.get(databaseContext).db, order, locale, true);
  return {
    title: getI18n(context).t('market:orders.one', { reference: order.reference }),
    slug: commune.slug,
    order,
    ...extras,
    isStaff,
    canAct,
    sellerId: order.sellerId,
    moves: {
      confirm: canAct && canMove(order.status, 'confirmed', 'seller'),
      ship: canAct && canMove(order.status, 'shipped', 'seller'),
      deliver: canAct && canMove(order.status, 'delivered', 'seller'),
      cancel: canAct && canMove(order.status, 'cancelled', 'seller'),
      paid: canAct && !order.paidAt && order.status !== 'cancelled',
    },
  };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  // Only who may act is needed here: the moves read the order again, inside their transaction.
  const { commune, scope } = await openShop(context, request, (shopScope) =>
    ORDER_REFERENCE.test(params.reference) ? getOrderSellerId(shopScope, params.reference) : Promise.resolve(null),
  );
  const { form, failure } = await readForm(request);
  if (failure) return data({ ...failure, intent: String(form.get('intent') ?? '') }, { status: 400 });
  const intent = String(form.get('intent') ?? '');
  const back = `/${commune.slug}/market/orders/${params.reference}`;
  try {
    switch (intent) {
      case 'confirm':
        await sellerMove(scope, params.reference, { to: 'confirmed' });
        return redirectWithFlash(back, { key: 'market:orders.confirmedFlash' });
      case 'ship': {
        const parsed = parseForm(form, ShipSchema);
        if (!parsed.ok) return data({ ...parsed, intent }, { status: 400 });
        await sellerMove(scope, params.reference, { to: 'shipped', carrier: parsed.data.carrier, tracking: parsed.data.tracking ?? null });
        return redirectWithFlash(back, { key: 'market:orders.shippedFlash' });
      }
      case 'deliver':
        await sellerMove(scope, params.reference, { to: 'delivered' });
        return redirectWithFlash(back, { key: 'market:orders.deliveredFlash' });
      case 'cancel': {
        const parsed = parseForm(form, RejectSchema);
        if (!parsed.ok) return data({ ...parsed, intent }, { status: 400 });
        await sellerMove(scope, params.reference, { to: 'cancelled', reason: parsed.data.reason });
        return redirectWithFlash(back, { key: 'market:orders.cancelled', tone: 'info' });
      }
      case 'paid':
        await markPaid(scope, params.reference);
        return redirectWithFlash(back, { key: 'market:orders.paidFlash' });
    }
  } catch (error) {
    const { failure, status } = failureFrom(error, form);
    return data({ ...failure, intent }, { status });
  }
  return data({ ...formFailure(form, { _form: 'common:validation.invalid' }), intent }, { status: 400 });
}

export const meta: Route.MetaFunction = (args) => pageMeta(args);

export default function SellerOrder({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const d = loaderData;
  const errorsOf = (intent: string) => (actionData?.intent === intent ? actionData.errors : undefined);
  return (
    <div className="stack">
      <p className="muted">
        <Link to={`/${d.slug}/market/sellers/${d.sellerId}`}>{t('market:dashboard.back')}</Link>
      </p>
      <h1>{t('market:orders.one', { reference: d.order.reference })}</h1>
      {d.isStaff && !d.canAct ? <p className="notice">{t('market:assisted.needConsent')}</p> : null}
      {actionData && !['ship', 'cancel'].includes(actionData.intent) ? <FormError errors={actionData.errors} /> : null}
      <div className="actions">
        {d.moves.confirm ? (
          <Form method="post" className="inline-form">
            <SubmitButton name="intent" value="confirm">
              {t('market:orders.confirm')}
            </SubmitButton>
          </Form>
        ) : null}
        {d.moves.paid ? (
          <Form method="post" className="inline-form">
            <SubmitButton name="intent" value="paid" className="button button-secondary">
              {t('market:orders.markPaid')}
            </SubmitButton>
          </Form>
        ) : null}
        {d.moves.deliver ? (
          <Form method="post" className="inline-form">
            <SubmitButton name="intent" value="deliver">
              {t('market:orders.markDelivered')}
            </SubmitButton>
          </Form>
        ) : null}
      </div>
      {d.moves.ship ? (
        <Form method="post" className="card stack" noValidate>
          <input type="hidden" name="intent" value="ship" />
          <FormError errors={errorsOf('ship')} />
          <Field name="carrier" label={t('market:orders.carrier')} hint={t('market:orders.carrierHint')} errors={errorsOf('ship')} required maxLength={80} />
          <Field name="tracking" label={t('market:orders.tracking')} errors={errorsOf('ship')} maxLength={200} />
          <SubmitButton>{t('market:orders.ship')}</SubmitButton>
        </Form>
      ) : null}
      <OrderView order={d.order} qrSvg={d.qr} provinceName={d.provinceName} viewer="seller" />
      {d.moves.cancel ? (
        <details className="card" open={actionData?.intent === 'cancel'}>
          <summary>{t('market:orders.cancel')}</summary>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="cancel" />
            <Field name="reason" label={t('market:orders.cancelReason')} errors={errorsOf('cancel')} required maxLength={500} />
            <SubmitButton className="button button-danger">{t('market:orders.cancelConfirm')}</SubmitButton>
          </Form>
        </details>
      ) : null}
    </div>
  );
}
