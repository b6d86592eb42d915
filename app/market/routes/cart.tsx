import { useT } from '~/i18n/use-t.ts';
import type { MessageKey } from '~/i18n/message-key.ts';
import { data, Form, Link } from 'react-router';
import { scopeOf } from '~/auth/guards.server.ts';
import type { Locale } from '~/i18n/config.ts';
import { getI18n } from '~/i18n/translator.server.ts';
import { readForm } from '~/lib/body.server.ts';
import { redirectWithFlash } from '~/lib/flash.server.ts';
import { localized } from '~/tenancy/commune.ts';
import { cartCookieHeader, groupBySeller, readCart, resolveCart } from '../cart.server.ts';
import { parseQuantity } from '../schemas.ts';
import { Money } from '../ui.tsx';
import type { Route } from './+types/cart';
import { pageMeta } from '~/ui/meta.ts';

export async function loader({ context, request }: Route.LoaderArgs) {
  const lines = await readCart(request);
  const items = await resolveCart(scopeOf(context), lines);
  const { t } = getI18n(context);
  // Lines that dropped out (sold, withdrawn, forged) are removed from the cookie on the way.
  const headers: HeadersInit =
    items.length !== lines.length ? { 'Set-Cookie': await cartCookieHeader(lines.filter((l) => items.some((i) => i.productId === l.productId))) } : {};
  return data({ title: t('market:cart.title'), groups: groupBySeller(items), dropped: lines.length - items.length }, { headers });
}

export async function action({ context, request }: Route.ActionArgs) {
  const { form, failure } = await readForm(request);
  if (failure)
    return data(
      { errors: { [Object.keys(failure.errors)[0]!.replace(/^qty\./, '')]: { key: Object.values(failure.errors)[0]!, available: 0 } } },
      { status: 400 },
    );
  const lines = await readCart(request);
  const items = await resolveCart(scopeOf(context), lines);
  const intent = String(form.get('intent') ?? '');
  let next = lines.filter((l) => items.some((i) => i.productId === l.productId));
  if (intent.startsWith('remove:')) {
    const id = intent.slice('remove:'.length);
    next = next.filter((l) => l.productId !== id);
  } else {
    const errors: Record<string, { key: MessageKey; available: number }> = {};
    next = next.map((line) => {
      const item = items.find((i) => i.productId === line.productId)!;
      const quantity = parseQuantity(form.get(`qty.${line.productId}`) ?? line.quantity, 0);
      if (quantity === null) {
        errors[line.productId] = { key: 'market:errors.quantity', available: item.stock };
        return line;
      }
      if (quantity > item.stock) {
        errors[line.productId] = { key: item.stock > 0 ? 'market:cart.notEnough' : 'market:cart.soldOut', available: item.stock };
        return line;
      }
      // Saving the cart is the buyer seeing today's price: it becomes the price they accept.
      return { ...line, quantity, seenPrice: item.priceMinor };
    });
    next = next.filter((l) => l.quantity > 0);
    if (Object.keys(errors).length) {
      return data({ errors }, { status: 400 });
    }
  }
  return redirectWithFlash('/cart', { key: 'market:cart.updated', tone: 'info' }, { headers: { 'Set-Cookie': await cartCookieHeader(next) } });
}

export const meta: Route.MetaFunction = (args) => pageMeta(args);

export default function Cart({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useT();
  const locale = i18n.language as Locale;
  const errors = actionData && 'errors' in actionData ? actionData.errors : {};
  const { groups } = loaderData;
  const changed = groups.some((g) => g.items.some((i) => i.priceMinor !== i.seenPrice));
  return (
    <div className="stack">
      <h1>{t('market:cart.title')}</h1>
      {loaderData.dropped > 0 ? <p className="notice">{t('market:cart.dropped', { count: loaderData.dropped })}</p> : null}
      {groups.length === 0 ? (
        <p className="notice">
          {t('market:cart.empty')} <Link to="/market">{t('market:catalogue.title')}</Link>
        </p>
      ) : (
        <Form method="post" className="stack" noValidate>
          {changed ? (
            <p className="notice" role="status">
              {t('market:cart.priceChangedNotice')}
            </p>
          ) : null}
          {groups.map((group) => (
            <section key={group.key} className="card stack" aria-label={group.sellerName}>
              <h2>
                {group.sellerName} <span className="muted small">· {localized(group.communeName, locale, group.communeLocale).text}</span>
              </h2>
              <ul className="cart-lines">
                {group.items.map((item) => {
                  const error = errors[item.productId];
                  return (
                    <li key={item.productId}>
                      <Link to={`/${item.communeSlug}/market/${item.slug}`}>{localized(item.title, locale, item.communeLocale).text}</Link>
                      <span>
                        <Money minor={item.priceMinor} currency={item.currency} /> / {t(`market:units.${item.unit}` as const)}
                      </span>
                      {item.priceMinor !== item.seenPrice ? (
                        <span className="badge badge-warn">
                          {t('market:cart.priceWas')} <Money minor={item.seenPrice} currency={item.currency} />
                        </span>
                      ) : null}
                      <span className="field field-inline">
                        <label htmlFor={`qty-${item.productId}`}>{t('market:product.quantity')}</label>
                        <input
                          id={`qty-${item.productId}`}
                          name={`qty.${item.productId}`}
                          type="number"
                          inputMode="numeric"
                          min={0}
                          max={Math.max(item.stock, item.quantity)}
                          defaultValue={item.quantity}
                          aria-invalid={error ? true : undefined}
                        />
                      </span>
                      {error ? (
                        <span className="error" role="alert">
                          {t(error.key, { count: error.available })}
                        </span>
                      ) : null}
                      <button type="submit" name="intent" value={`remove:${item.productId}`} className="link-button">
                        {t('market:cart.remove')}
                      </button>
                    </li>
                  );
                })}
              </ul>
              <p>
                {t('market:cart.subtotal')} <Money minor={group.totalMinor} currency={group.currency} />
              </p>
            </section>
          ))}
          <div className="actions">
            <button type="submit" name="intent" value="update" className="button button-secondary">
              {t('market:cart.update')}
            </button>
            <Link to="/checkout" className="button">
              {t('market:cart.checkout')}
            </Link>
          </div>
        </Form>
      )}
    </div>
  );
}
