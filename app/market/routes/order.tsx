import { useT } from '~/i18n/use-t.ts';
import { data, Form, Link } from 'react-router';
import { requireUser, scopeOf } from '~/auth/guards.server.ts';
import type { Locale } from '~/i18n/config.ts';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import { readForm } from '~/lib/body.server.ts';
import { databaseContext } from '~/lib/context.ts';
import { notFound } from '~/lib/errors.ts';
import { redirectWithFlash } from '~/lib/flash.server.ts';
import { failureFrom, formFailure, parseForm } from '~/lib/forms.ts';
import { UUID_PATTERN } from '~/lib/ids.ts';
import { localized } from '~/tenancy/commune.ts';
import { Field, FormError, SubmitButton } from '~/ui/form.tsx';
import { OrderView } from '../order-view.tsx';
import { canMove } from '../order-status.ts';
import { buyerMove, getBuyerOrder, rateItem } from '../orders.server.ts';
import { ORDER_REFERENCE } from '../checkout.server.ts';
import { RatingSchema } from '../schemas.ts';
import { orderPageExtras } from '../order-page.server.ts';
import type { Route } from './+types/order';
import { pageMeta } from '~/ui/meta.ts';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  if (!ORDER_REFERENCE.test(params.reference)) notFound();
  const order = await getBuyerOrder({ ...scopeOf(context), userId: user.id }, params.reference);
  if (!order) notFound();
  const db = context.get(databaseContext).db;
  const locale = getLocale(context) as Locale;
  const extras = await orderPageExtras(db, order, locale, false);
  return {
    title: getI18n(context).t('market:orders.one', { reference: order.reference }),
    order,
    ...extras,
    canCancel: canMove(order.status, 'cancelled', 'buyer'),
    canComplete: canMove(order.status, 'completed', 'buyer'),
  };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  if (!ORDER_REFERENCE.test(params.reference)) notFound();
  const scope = { ...scopeOf(context), userId: user.id };
  const { form, failure } = await readForm(request);
  if (failure) return data({ ...failure, productId: '' }, { status: 400 });
  const intent = String(form.get('intent') ?? '');
  try {
    if (intent === 'cancel') {
      const reason =
        String(form.get('reason') ?? '')
          .trim()
          .slice(0, 500) || undefined;
      await buyerMove(scope, params.reference, { to: 'cancelled', reason });
      return redirectWithFlash(`/orders/${params.reference}`, { key: 'market:orders.cancelled', tone: 'info' });
    }
    if (intent === 'complete') {
      await buyerMove(scope, params.reference, { to: 'completed' });
      return redirectWithFlash(`/orders/${params.reference}`, { key: 'market:orders.completed' });
    }
    if (intent === 'rate') {
      const productId = String(form.get('productId') ?? '');
      if (!UUID_PATTERN.test(productId)) notFound();
      const parsed = parseForm(form, RatingSchema);
      if (!parsed.ok) return data({ ...parsed, productId }, { status: 400 });
      await rateItem(scope, params.reference, productId, parsed.data.stars, parsed.data.comment);
      return redirectWithFlash(`/orders/${params.reference}`, { key: 'market:rating.thanks' });
    }
  } catch (error) {
    const { failure, status } = failureFrom(error, form);
    return data({ ...failure, productId: '' }, { status });
  }
  return data({ ...formFailure(form, { _form: 'common:validation.invalid' }), productId: '' }, { status: 400 });
}

export const meta: Route.MetaFunction = (args) => pageMeta(args);

export default function BuyerOrder({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useT();
  const locale = i18n.language as Locale;
  const { order } = loaderData;
  const errors = actionData?.errors;
  return (
    <div className="stack">
      <p className="muted">
        <Link to="/orders">{t('market:orders.title')}</Link>
      </p>
      <h1>{t('market:orders.one', { reference: order.reference })}</h1>
      <FormError errors={errors} />
      <OrderView order={order} qrSvg={loaderData.qr} provinceName={loaderData.provinceName} viewer="buyer" />
      {loaderData.canComplete ? (
        <Form method="post" className="card">
          <p>{t('market:orders.receivedQuestion')}</p>
          <SubmitButton name="intent" value="complete">
            {t('market:orders.confirmReceived')}
          </SubmitButton>
        </Form>
      ) : null}
      {order.status === 'completed'
        ? order.items
            .filter((item) => item.rating === null)
            .map((item) => (
              <Form method="post" key={item.productId} className="card stack" noValidate>
                <h2>{t('market:rating.rate', { title: localized(item.title, locale, order.communeLocale).text })}</h2>
                <input type="hidden" name="intent" value="rate" />
                <input type="hidden" name="productId" value={item.productId} />
                <fieldset
                  className="stars"
                  aria-describedby={actionData?.productId === item.productId && actionData.errors.stars ? `stars-error-${item.productId}` : undefined}
                >
                  <legend>{t('market:rating.starsLabel')}</legend>
                  {[5, 4, 3, 2, 1].map((s) => (
                    <label key={s} className="checkbox">
                      {/* None chosen at first: a rating is the buyer's choice, not a pre-filled five. */}
                      <input
                        type="radio"
                        name="stars"
                        value={s}
                        defaultChecked={actionData?.productId === item.productId && actionData.values?.stars === String(s)}
                      />{' '}
                      {t('market:rating.stars', { count: s })}
                    </label>
                  ))}
                </fieldset>
                {actionData?.productId === item.productId && actionData.errors.stars ? (
                  <p className="error" id={`stars-error-${item.productId}`} role="alert">
                    {t(actionData.errors.stars)}
                  </p>
                ) : null}
                <Field
                  name="comment"
                  label={t('market:rating.comment')}
                  multiline
                  rows={2}
                  maxLength={1000}
                  defaultValue={actionData?.productId === item.productId ? actionData.values?.comment : undefined}
                  errors={actionData?.productId === item.productId ? errors : undefined}
                />
                <SubmitButton>{t('market:rating.submit')}</SubmitButton>
              </Form>
            ))
        : null}
      {loaderData.canCancel ? (
        <details className="card">
          <summary>{t('market:orders.cancel')}</summary>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="cancel" />
            <Field name="reason" label={t('market:orders.cancelReasonOptional')} maxLength={500} />
            <SubmitButton className="button button-danger">{t('market:orders.cancelConfirm')}</SubmitButton>
          </Form>
        </details>
      ) : null}
    </div>
  );
}
