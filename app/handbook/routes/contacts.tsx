import { useT } from '~/i18n/use-t.ts';
import { Link } from 'react-router';
import { viewerCan, requireCommune, scopeOf } from '~/auth/guards.server.ts';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import type { RouteHandle } from '~/ui/route-handle.ts';
import { OfflinePage } from '../offline-page.tsx';
import { listContacts } from '../news.server.ts';
import type { Route } from './+types/contacts';
import { pageMeta } from '~/ui/meta.ts';

export const handle: RouteHandle = { hydrate: false };

export async function loader({ context }: Route.LoaderArgs) {
  const commune = requireCommune(context);
  const locale = getLocale(context);
  const scope = { ...scopeOf(context), tenantId: commune.id };
  return {
    slug: commune.slug,
    title: getI18n(context).t('handbook:contacts.title'),
    contacts: await listContacts(scope, locale, commune.defaultLocale),
    canManage: await viewerCan(context, 'contact.manage'),
  };
}

export const meta: Route.MetaFunction = (args) => pageMeta(args);

export default function Contacts({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const d = loaderData;
  return (
    <div className="stack">
      <h1>{t('handbook:contacts.title')}</h1>
      <p className="muted">{t('handbook:contacts.lead')}</p>
      {(['officials', 'tech_team'] as const).map((team) => {
        const people = d.contacts.filter((c) => c.team === team);
        return (
          <section key={team} aria-labelledby={`team-${team}`}>
            <h2 id={`team-${team}`}>{t(`handbook:contacts.teams.${team}`)}</h2>
            {people.length === 0 ? <p className="muted">{t('handbook:contacts.none')}</p> : null}
            <ul className="contact-list">
              {people.map((c) => (
                <li key={c.id} className="card">
                  <strong>{c.name}</strong>
                  {c.role ? <span className="muted"> — {c.role}</span> : null}
                  {c.phone ? (
                    <p>
                      {t('handbook:contacts.phone')}: <a href={`tel:${c.phone.replace(/[^0-9+]/g, '')}`}>{c.phone}</a>
                    </p>
                  ) : null}
                  {c.zalo ? (
                    <p>
                      Zalo:{' '}
                      <a href={`https://zalo.me/${c.zalo.replace(/[^0-9]/g, '')}`} rel="noopener nofollow">
                        {c.zalo}
                      </a>
                    </p>
                  ) : null}
                  {c.hours ? <p className="muted">{t('handbook:contacts.hours', { hours: c.hours })}</p> : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {d.canManage ? (
        <p>
          <Link to={`/${d.slug}/contacts/manage`}>{t('handbook:contacts.manage')}</Link>
        </p>
      ) : null}
      <OfflinePage />
    </div>
  );
}
