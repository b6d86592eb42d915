import { useT } from '~/i18n/use-t.ts';
import { Link } from 'react-router';
import { permittedScope, requireCommune, scopeOf } from '~/auth/guards.server.ts';
import { LOCALE_NAMES, type Locale } from '~/i18n/config.ts';
import { formatDate } from '~/i18n/format.ts';
import { getLocale } from '~/i18n/translator.server.ts';
import { notFound } from '~/lib/errors.ts';
import { localized } from '~/tenancy/commune.ts';
import type { RouteHandle } from '~/ui/route-handle.ts';
import { OfflinePage } from '../offline-page.tsx';
import { getArticle } from '../handbook.server.ts';
import type { Route } from './+types/article';
import { pageMeta } from '~/ui/meta.ts';

/** Reading an article needs no JavaScript; ticking a checklist uses a tiny script of its own. */
export const handle: RouteHandle = { hydrate: false };

export async function loader({ context, params }: Route.LoaderArgs) {
  const commune = requireCommune(context);
  const locale = getLocale(context);
  const editor = await permittedScope(context, 'handbook.edit');
  const article = await getArticle(editor ?? { ...scopeOf(context), tenantId: commune.id }, params.slug, locale, commune.defaultLocale);
  if (!article) notFound();
  return {
    slug: commune.slug,
    communeName: localized(commune.name, locale, commune.defaultLocale).text,
    article: { ...article, updatedAt: undefined },
    updated: formatDate(article.updatedAt, locale, commune.timeZone),
    canEdit: editor !== null,
  };
}

export const meta: Route.MetaFunction = (args) =>
  args.loaderData
    ? pageMeta(args, { title: `${args.loaderData.article.title} · ${args.loaderData.communeName}`, description: args.loaderData.article.summary })
    : [];

export default function Article({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { article, slug, canEdit, updated } = loaderData;
  const base = `/${slug}/handbook`;
  return (
    <article className="article">
      <nav aria-label={t('handbook:article.breadcrumb')} className="breadcrumb">
        <Link to={base}>{t('handbook:index.title')}</Link> › <span>{article.chapter.title}</span>
      </nav>
      {/* The article's own words carry their language; the page's (breadcrumb, notices) are the reader's. */}
      <h1 lang={article.locale}>{article.title}</h1>
      {article.fellBack ? (
        <p className="notice" role="note">
          {t('handbook:article.fallback', { language: LOCALE_NAMES[article.locale as Locale] })}
        </p>
      ) : null}
      {!article.published ? <p className="notice">{t('handbook:article.draftNotice')}</p> : null}
      {article.summary ? (
        <p className="lead" lang={article.locale}>
          {article.summary}
        </p>
      ) : null}
      <div className="prose" lang={article.locale} dangerouslySetInnerHTML={{ __html: article.html }} />
      {article.checklist ? (
        <section
          className="checklist card"
          aria-labelledby="checklist-title"
          data-checklist={`${slug}:${article.checklist.id}`}
          data-progress-template={t('handbook:checklist.progress', { done: '{{done}}', total: '{{total}}' })}
        >
          <h2 id="checklist-title">{article.checklist.title}</h2>
          <p className="hint">{t('handbook:checklist.hint')}</p>
          <ol>
            {article.checklist.steps.map((step) => (
              <li key={step.id}>
                <label>
                  <input type="checkbox" name="step" value={step.id} data-step={step.id} /> <strong>{step.title}</strong>
                </label>
                {step.detail ? <p>{step.detail}</p> : null}
                {step.linkUrl ? (
                  <p>
                    <a href={step.linkUrl} rel="noopener nofollow" target="_blank">
                      {step.linkLabel || step.linkUrl}
                    </a>
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
          <p className="muted" data-checklist-progress="" aria-live="polite" />
        </section>
      ) : null}
      <footer className="article-footer muted">
        <p>{t('handbook:article.updated', { date: updated })}</p>
        {canEdit ? (
          <p>
            <Link to={`${base}/${article.slug}/edit`}>{t('handbook:editor.edit')}</Link> ·{' '}
            <Link to={`${base}/${article.slug}/checklist`}>{t('handbook:checklist.edit')}</Link> ·{' '}
            <Link to={`${base}/${article.slug}/history`}>{t('handbook:history.title')}</Link>
          </p>
        ) : null}
      </footer>
      {article.checklist ? <script src="/checklist.js" defer /> : null}
      <OfflinePage />
    </article>
  );
}
