import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { requireOperator } from '~/auth/guards.server.ts';
import { getI18n, getLocale } from '~/i18n/middleware.server.ts';
import { databaseContext } from '~/lib/context.ts';
import { localized } from '~/tenancy/commune.ts';
import { listTemplate } from '~/handbook/template.server.ts';
import type { Route } from './+types/template';

/** The national template handbook, which every new commune copies. Operator only. */
export async function loader({ context, request }: Route.LoaderArgs) {
  requireOperator(context, request);
  const locale = getLocale(context);
  const chapters = await listTemplate({ db: context.get(databaseContext).db });
  return {
    title: getI18n(context).t('handbook:template.title'),
    chapters: chapters.map((c) => ({ key: c.key, pillar: c.pillar, title: localized(c.title, locale, 'vi').text, articles: c.articles.map((a) => ({ key: a.key, locales: a.locales, title: localized(a.title, locale, 'vi').text })) })),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData?.title ?? ''} · Baan` }];

export default function Template({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <h1>{t('handbook:template.title')}</h1>
      <p className="muted">{t('handbook:template.lead')}</p>
      {loaderData.chapters.map((c) => (
        <section key={c.key}>
          <h2>
            {c.title} <span className="muted">· {t(`handbook:pillars.${c.pillar}`)}</span>
          </h2>
          <ul>
            {c.articles.map((a) => (
              <li key={a.key}>
                <Link to={`/admin/handbook/${a.key}`}>{a.title}</Link> <span className="muted">({a.locales.join(', ')})</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
