import { useT } from '~/i18n/use-t.ts';
import { NavLink, Outlet } from 'react-router';
import { requireCommune, viewerCan } from '~/auth/guards.server.ts';
import { getLocale } from '~/i18n/translator.server.ts';
import type { Locale } from '~/i18n/config.ts';
import { localized } from '../commune.ts';
import { requireCommuneMiddleware } from '~/middleware/tenancy.server.ts';
import type { Route } from './+types/commune-layout';

export const middleware: Route.MiddlewareFunction[] = [requireCommuneMiddleware];

export async function loader({ context }: Route.LoaderArgs) {
  const commune = requireCommune(context);
  const locale = getLocale(context) as Locale;
  const isOfficial = await viewerCan(context, 'member.manage');
  return {
    slug: commune.slug,
    name: localized(commune.name, locale, commune.defaultLocale).text,
    isOfficial,
  };
}

export default function CommuneLayout({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { slug, name, isOfficial } = loaderData;
  return (
    <>
      <nav aria-label={t('tenancy:commune.navLabel', { name })}>
        <ul className="commune-nav">
          <li>
            <NavLink to={`/${slug}`} end>
              {name}
            </NavLink>
          </li>
          <li>
            <NavLink to={`/${slug}/handbook`}>{t('tenancy:sections.handbook.title')}</NavLink>
          </li>
          <li>
            <NavLink to={`/${slug}/news`}>{t('tenancy:commune.news')}</NavLink>
          </li>
          <li>
            <NavLink to={`/${slug}/contacts`}>{t('tenancy:commune.contacts')}</NavLink>
          </li>
          <li>
            <NavLink to={`/${slug}/market`}>{t('tenancy:sections.market.title')}</NavLink>
          </li>
          <li>
            <NavLink to={`/${slug}/tourism`}>{t('tenancy:sections.tourism.title')}</NavLink>
          </li>
          {isOfficial ? (
            <>
              <li>
                <NavLink to={`/${slug}/members`}>{t('tenancy:commune.members')}</NavLink>
              </li>
              <li>
                <NavLink to={`/${slug}/settings`}>{t('tenancy:commune.settings')}</NavLink>
              </li>
            </>
          ) : null}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
