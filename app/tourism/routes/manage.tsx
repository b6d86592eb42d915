import { useT } from '~/i18n/use-t.ts';
import { Link } from 'react-router';
import { requirePermission } from '~/auth/guards.server.ts';
import { can, permits } from '~/auth/permissions.ts';
import type { Locale } from '~/i18n/config.ts';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import { localized } from '~/tenancy/commune.ts';
import { countNewInquiries } from '../inquiries.server.ts';
import type { PlaceKind } from '../kinds.ts';
import { listManagedPlaces } from '../places.server.ts';
import type { Route } from './+types/manage';
import { pageMeta } from '~/ui/meta.ts';

/** Officials and editors manage every place; a host (seller member) the places they own. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const { scope, commune } = await requirePermission({ context, request }, 'tourism.desk');
  const locale = getLocale(context) as Locale;
  const staff = can(scope.viewer, 'place.manage', commune);
  // Staff who see only their own inquiries (editors) have no inbox on the desk; hosts and officials do.
  const showInbox = can(scope.viewer, 'inquiry.readAll', commune) || !staff;
  const [places, newInquiries] = await Promise.all([
    listManagedPlaces(scope),
    showInbox && permits(scope, 'inquiry.read') ? countNewInquiries(scope) : Promise.resolve(0),
  ]);
  return {
    title: getI18n(context).t('tourism:manage.title'),
    slug: commune.slug,
    staff,
    showInbox,
    newInquiries,
    places: places.map((p) => ({ ...p, kind: p.kind as PlaceKind, name: localized(p.name, locale, commune.defaultLocale).text })),
  };
}

export const meta: Route.MetaFunction = (args) => pageMeta(args);

export default function ManageTourism({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const d = loaderData;
  return (
    <div className="stack">
      <h1>{t('tourism:manage.title')}</h1>
      <p className="actions">
        {d.staff ? (
          <Link className="button" to={`/${d.slug}/tourism/new`}>
            {t('tourism:manage.newPlace')}
          </Link>
        ) : null}
        {d.staff ? <Link to={`/${d.slug}/events`}>{t('tourism:manage.events')}</Link> : null}
        {d.showInbox ? <Link to={`/${d.slug}/tourism/inquiries`}>{t('tourism:manage.inbox', { count: d.newInquiries })}</Link> : null}
      </p>
      {d.places.length === 0 ? <p className="muted">{t('tourism:manage.none')}</p> : null}
      <ul className="order-list">
        {d.places.map((p) => (
          <li key={p.id} className="card">
            <strong>{p.name}</strong> <span className="muted small">· {t(`tourism:kinds.${p.kind}`)}</span>{' '}
            <span className={`badge ${p.published ? 'status-published' : 'status-pending'}`}>
              {p.published ? t('tourism:manage.published') : t('tourism:manage.draft')}
            </span>
            <p className="actions">
              {p.published ? <Link to={`/${d.slug}/tourism/${p.slug}`}>{t('tourism:manage.view')}</Link> : null}
              <Link to={`/${d.slug}/tourism/${p.slug}/edit`}>{t('tourism:manage.edit')}</Link>
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
