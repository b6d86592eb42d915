import { useT } from '~/i18n/use-t.ts';
import { data, Form, Link, redirect } from 'react-router';
import { requireUser, scopeOf } from '~/auth/guards.server.ts';
import type { Locale } from '~/i18n/config.ts';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import { readForm } from '~/lib/body.server.ts';
import { databaseContext } from '~/lib/context.ts';
import { redirectWithFlash } from '~/lib/flash.server.ts';
import { failureFrom, formFailure, parseForm } from '~/lib/forms.ts';
import { UUID_PATTERN } from '~/lib/ids.ts';
import { isPaymentMethod, type PaymentMethodId } from '~/payments/methods.ts';
import { localized } from '~/tenancy/commune.ts';
import { listProvinces } from '~/tenancy/communes.server.ts';
import { Field, FormError, SubmitButton } from '~/ui/form.tsx';
import { cartCookieHeader, groupBySeller, readCart, resolveCart } from '../cart.server.ts';
import { CheckoutRefused, methodsForGroups, placeOrders } from '../checkout.server.ts';
import { DeliverySchema } from '../schemas.ts';
import { Money } from '../ui.tsx';
import type { Route } from './+types/checkout';
import { pageMeta } from '~/ui/meta.ts';

async function loadCheckout(context: Route.LoaderArgs['context'], request: Request) {
  const user = requireUser(context, request);
  const scope = { ...scopeOf(context), userId: user.id };
  const lines = await readCart(request);
  const items = await resolveCart(scope, lines);
  const groups = groupBySeller(items);
  return { user, scope, lines, items, groups, methods: await methodsForGroups(scope, groups) };
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const { user, lines, items, groups, methods } = await loadCheckout(context, request);
  if (!groups.length) throw redirect('/cart');
  const locale = getLocale(context) as Locale;
  // Only the form needs the provinces; placing the order checks the chosen one in the database.
  const provinces = (await listProvinces(context.get(databaseContext).db)).map((p) => ({
    key: `${p.country}-${p.code}`,
    name: p.name[locale] ?? p.name.en ?? p.code,
  }));
  const { t } = getI18n(context);
  const changed = items.some((i) => i.priceMinor !== i.seenPrice);
  // Showing the checkout is showing today's prices: those are what the buyer now agrees to.
  const headers: HeadersInit = changed
    ? {
        'Set-Cookie': await cartCookieHeader(
          lines.map((l) => ({ ...l, seenPrice: items.find((i) => i.productId === l.productId)?.priceMinor ?? l.seenPrice })),
        ),
      }
    : {};
  return data(
    {
      title: t('market:checkout.title'),
      checkoutId: crypto.randomUUID(),
      changed,
      groups,
      methods,
      provinces,
      defaults: { name: user.displayName, phone: '' },
    },
    { headers },
  );
}

export async function action({ context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  const scope = { ...scopeOf(context), userId: user.id };
  const { form, failure } = await readForm(request);
  if (failure) return data(failure, { status: 400 });
  const checkoutId = String(form.get('checkoutId') ?? '');
  if (!UUID_PATTERN.test(checkoutId)) return data(formFailure(form, { _form: 'common:validation.invalid' }), { status: 400 });
  const parsed = parseForm(form, DeliverySchema);
  if (!parsed.ok) return data(parsed, { status: 400 });
  // Each seller's payment method, as `pay.{commune}:{seller}`; whether the seller takes it is
  // checked where the order is made (placeOrders), in the same transaction.
  const chosen: Record<string, PaymentMethodId> = {};
  for (const [name, value] of form) {
    if (!name.startsWith('pay.')) continue;
    if (!isPaymentMethod(value)) return data(formFailure(form, { [name]: 'market:checkout.methodUnavailable' }), { status: 400 });
    chosen[name.slice('pay.'.length)] = value;
  }
  try {
    const result = await placeOrders(scope, { checkoutId, lines: await readCart(request), delivery: parsed.data, methods: chosen });
    const headers = { 'Set-Cookie': await cartCookieHeader([]) };
    const first = result.orders[0]!;
    return redirectWithFlash(
      result.orders.length === 1 ? `/orders/${first.reference}` : '/orders',
      { key: 'market:checkout.placed', params: { count: result.orders.length }, tone: 'success' },
      { headers },
    );
  } catch (error) {
    if (error instanceof CheckoutRefused) {
      return data({ ...formFailure(form, { _form: error.messageKey }), available: Number(error.details?.available ?? 0) }, { status: 409 });
    }
    // A field refused (province, payment method), or the checkout no longer placeable: said on the form.
    const { failure, status } = failureFrom(error, form);
    return data(failure, { status });
  }
}

export const meta: Route.MetaFunction = (args) => pageMeta(args);

export default function Checkout({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useT();
  const locale = i18n.language as Locale;
  const d = loaderData;
  const errors = actionData?.errors;
  const v: Record<string, string> = actionData?.values ?? {};
  return (
    <div className="stack">
      <h1>{t('market:checkout.title')}</h1>
      {d.changed ? (
        <p className="notice" role="status">
          {t('market:cart.priceChangedNotice')}
        </p>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="checkoutId" value={v.checkoutId ?? d.checkoutId} />
        <FormError errors={errors} params={{ count: actionData && 'available' in actionData ? actionData.available : 0 }} />
        {errors?._form?.startsWith('market:cart.') ? (
          <p>
            <Link to="/cart">{t('market:checkout.reviewCart')}</Link>
          </p>
        ) : null}
        <fieldset className="card stack">
          <legend>{t('market:checkout.delivery')}</legend>
          <Field
            name="name"
            label={t('market:checkout.name')}
            defaultValue={v.name ?? d.defaults.name}
            errors={errors}
            required
            autoComplete="name"
            maxLength={120}
          />
          <Field
            name="phone"
            type="tel"
            inputMode="tel"
            label={t('market:checkout.phone')}
            defaultValue={v.phone ?? d.defaults.phone}
            errors={errors}
            required
            autoComplete="tel"
          />
          <div className={`field${errors?.provinceCode ? ' field-error' : ''}`}>
            <label htmlFor="provinceCode">{t('market:checkout.province')}</label>
            <select id="provinceCode" name="provinceCode" defaultValue={v.provinceCode ?? ''} required aria-invalid={errors?.provinceCode ? true : undefined}>
              <option value="">{t('market:checkout.choose')}</option>
              {d.provinces.map((p) => (
                <option key={p.key} value={p.key}>
                  {p.name}
                </option>
              ))}
            </select>
            {errors?.provinceCode ? <p className="error">{t(errors.provinceCode)}</p> : null}
          </div>
          <Field name="commune" label={t('market:checkout.commune')} defaultValue={v.commune} errors={errors} required maxLength={120} />
          <Field
            name="street"
            label={t('market:checkout.street')}
            hint={t('market:checkout.streetHint')}
            defaultValue={v.street}
            errors={errors}
            required
            autoComplete="street-address"
            maxLength={240}
          />
          <Field name="note" label={t('market:checkout.note')} defaultValue={v.note} errors={errors} multiline rows={2} maxLength={500} />
        </fieldset>
        {d.groups.map((group) => {
          const available = d.methods[group.key] ?? ['cash'];
          const fieldError = errors?.[`pay.${group.key}`];
          const typed = v[`pay.${group.key}`] as PaymentMethodId | undefined;
          const selected = typed && available.includes(typed) ? typed : available[0];
          return (
            <fieldset key={group.key} className="card stack">
              <legend>
                {t('market:checkout.orderFrom', { seller: group.sellerName, commune: localized(group.communeName, locale, group.communeLocale).text })}
              </legend>
              <ul className="cart-lines">
                {group.items.map((item) => (
                  <li key={item.productId}>
                    {localized(item.title, locale, item.communeLocale).text} × {item.quantity} —{' '}
                    <Money minor={item.priceMinor * item.quantity} currency={item.currency} />
                  </li>
                ))}
              </ul>
              <p>
                <strong>
                  {t('market:cart.subtotal')} <Money minor={group.totalMinor} currency={group.currency} />
                </strong>
              </p>
              <div className="radio-group" role="radiogroup" aria-label={t('market:checkout.payment')}>
                {available.map((method) => (
                  <label key={method} className="checkbox">
                    <input type="radio" name={`pay.${group.key}`} value={method} defaultChecked={selected === method} /> {t(`market:payment.${method}`)}
                  </label>
                ))}
              </div>
              {fieldError ? <p className="error">{t(fieldError)}</p> : null}
            </fieldset>
          );
        })}
        <SubmitButton>{t('market:checkout.place', { count: d.groups.length })}</SubmitButton>
      </Form>
    </div>
  );
}
