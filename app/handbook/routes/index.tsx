import { useT } from '~/i18n/use-t.ts';
import { Form, Link } from 'react-router';
import { permittedScope, requireCommune, scopeOf } from '~/auth/guards.server.ts';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import { localized } from '~/tenancy/commune.ts';
import type { RouteHandle } from '~/ui/route-handle.ts';
import { OfflinePage } from '../offline-page.tsx';
import { listHandbook } from '../handbook.server.ts';
import { searchHandbook } from '../search.server.ts';
import type { Route } from './+types/index';
import { pageMeta } from '~/ui/meta.ts';

export const handle: RouteHandle = { hydrate: false };

export async function loader({ context, request }: Route.LoaderArgs) {
  const commune = requireCommune(context);
  const locale = getLocale(context);
  const scope = { ...scopeOf(context), tenantId: commune.id };
  const editor = await permittedScope(context, 'handbook.edit');
  const q = (new URL(request.url).searchParams.get('q') ?? '').trim().slice(0, 100);
  const [index, hits] = await Promise.all([
    q ? null : listHandbook(editor ?? scope, locale, commune.defaultLocale),
    q ? searchHandbook(scope, q, locale, commune.defaultLocale) : null,
  ]);
  const { t } = getI18n(context);
  return {
    slug: commune.slug,
    communeName: localized(commune.name, locale, commune.defaultLocale).text,
    q,
    index,
    hits,
    canEdit: editor !== null,
    title: t('handbook:index.title'),
  };
}

export const meta: Route.MetaFunction = (args) =>
  args.loaderData ? pageMeta(args, { title: `${args.loaderData.title} · ${args.loaderData.communeName} · Baan` }) : [];

export default function HandbookIndex({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const d = loaderData;
  const base = `/${d.slug}/handbook`;
  return (
    <div className="stack">
      <header>
        <h1>{t('handbook:index.title')}</h1>
        <p className="muted">{t('handbook:index.lead')}</p>
      </header>
      <Form method="get" action={base} role="search" className="search" aria-label={t('handbook:search.label')}>
        <label htmlFor="handbook-search" className="visually-hidden">
          {t('handbook:search.label')}
        </label>
        <input id="handbook-search" type="search" name="q" defaultValue={d.q} placeholder={t('handbook:search.placeholder')} maxLength={100} />
        <button type="submit" className="button">
          {t('handbook:search.button')}
        </button>
      </Form>
      {d.canEdit ? (
        <p>
          <Link className="button button-secondary" to={`${base}/new`}>
            {t('handbook:editor.newArticle')}
          </Link>
        </p>
      ) : null}
      {d.hits ? (
        <section aria-labelledby="results-title">
          <h2 id="results-title">{t('handbook:search.results', { count: d.hits.length, q: d.q })}</h2>
          {d.hits.length === 0 ? <p className="notice">{t('handbook:search.none')}</p> : null}
          <ol className="results">
            {d.hits.map((hit) => (
              <li key={hit.slug}>
                <Link to={`${base}/${hit.slug}`} lang={hit.locale}>
                  {hit.title}
                </Link>
                {hit.snippet ? (
                  <p className="muted" lang={hit.locale}>
                    {hit.snippet.before}
                    <mark>{hit.snippet.match}</mark>
                    {hit.snippet.after}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
          <p>
            <Link to={base}>{t('handbook:search.clear')}</Link>
          </p>
        </section>
      ) : null}
      {d.index ? (
        <div
          className="card save-offline"
          data-save-offline={JSON.stringify([
            base,
            ...d.index.pillars.flatMap((p) => p.chapters.flatMap((c) => c.articles.filter((a) => a.published).map((a) => `${base}/${a.slug}`))),
          ])}
          data-progress={t('handbook:offline.progress', { done: '{{done}}', total: '{{total}}' })}
          data-done={t('handbook:offline.done')}
        >
          <p>{t('handbook:offline.lead')}</p>
          <button type="button" className="button button-secondary">
            {t('handbook:offline.save')}
          </button>
          <p className="muted" data-save-status="" aria-live="polite" />
        </div>
      ) : null}
      {d.index?.pillars.map((pillar) => (
        <section key={pillar.pillar} aria-labelledby={`pillar-${pillar.pillar}`} className="pillar">
          <h2 id={`pillar-${pillar.pillar}`}>{t(`handbook:pillars.${pillar.pillar}`)}</h2>
          {pillar.chapters.map((chapter) => (
            <div key={chapter.id} className="chapter">
              <h3>{chapter.title}</h3>
              {chapter.summary ? <p className="muted">{chapter.summary}</p> : null}
              <ul className="article-list">
                {chapter.articles.map((article) => (
                  <li key={article.slug}>
                    <Link to={`${base}/${article.slug}`} lang={article.fellBack ? article.locale : undefined}>
                      {article.title}
                    </Link>{' '}
                    {!article.published ? <span className="badge badge-draft">{t('handbook:article.draft')}</span> : null}
                    {article.summary ? <span className="muted"> — {article.summary}</span> : null}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
      <OfflinePage />
    </div>
  );
}
