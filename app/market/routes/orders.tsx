import { useT } from '~/i18n/use-t.ts';
import { Link } from 'react-router';
import { requireUser, scopeOf } from '~/auth/guards.server.ts';
import type { Locale } from '~/i18n/config.ts';
import { formatDate } from '~/i18n/format.ts';
import { getI18n } from '~/i18n/translator.server.ts';
import { localized } from '~/tenancy/commune.ts';
import { listBuyerOrders } from '../orders.server.ts';
import { StatusBadge } from '../order-view.tsx';
import { Money } from '../ui.tsx';
import type { Route } from './+types/orders';
import { pageMeta } from '~/ui/meta.ts';

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const orders = await listBuyerOrders({ ...scopeOf(context), userId: user.id });
  return { title: getI18n(context).t('market:orders.title'), orders };
}

export const meta: Route.MetaFunction = (args) => pageMeta(args);

export default function BuyerOrders({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useT();
  const locale = i18n.language as Locale;
  return (
    <div className="stack">
      <h1>{t('market:orders.title')}</h1>
      {loaderData.orders.length === 0 ? (
        <p className="notice">
          {t('market:orders.none')} <Link to="/market">{t('market:catalogue.title')}</Link>
        </p>
      ) : (
        <ul className="order-list">
          {loaderData.orders.map((o) => (
            <li key={`${o.tenantId}-${o.id}`} className="card">
              <Link to={`/orders/${o.reference}`}>
                <strong>{o.reference}</strong>
              </Link>{' '}
              <StatusBadge status={o.status} /> {o.paidAt ? <span className="badge badge-paid">{t('market:orders.paid')}</span> : null}
              <br />
              <span className="muted">
                {o.sellerName} · {localized(o.communeName, locale, o.communeLocale).text} · {formatDate(o.placedAt, locale, o.timeZone)} ·{' '}
                {t('market:orders.items', { count: o.itemCount })}
              </span>{' '}
              <Money minor={o.totalMinor} currency={o.currency} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
