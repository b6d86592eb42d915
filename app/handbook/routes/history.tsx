import { useT } from '~/i18n/use-t.ts';
import { data, Form, Link } from 'react-router';
import { requirePermission } from '~/auth/guards.server.ts';
import { LOCALE_NAMES, type Locale } from '~/i18n/config.ts';
import { formatDate } from '~/i18n/format.ts';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import { readForm } from '~/lib/body.server.ts';
import { AppError, notFound, statusOf } from '~/lib/errors.ts';
import { redirectWithFlash } from '~/lib/flash.server.ts';
import { getArticleForEditing } from '../editing.server.ts';
import { listRevisions, restoreRevision } from '../revisions.server.ts';
import { revisionNumber } from '../schemas.ts';
import type { Route } from './+types/history';
import { pageMeta } from '~/ui/meta.ts';
import { localized } from '~/tenancy/commune.ts';

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { scope, commune } = await requirePermission({ context, request }, 'handbook.edit');
  const locale = getLocale(context);
  const article = await getArticleForEditing(scope, params.slug);
  if (!article) notFound();
  const revisions = await listRevisions(scope, article.id);
  return {
    title: getI18n(context).t('handbook:history.title'),
    slug: commune.slug,
    article: { slug: article.slug, revision: article.revision },
    revisions: revisions.map((r) => ({
      ...r,
      createdAt: undefined,
      when: formatDate(r.createdAt, locale, commune.timeZone, true),
      title: localized(r.titles, locale, commune.defaultLocale).text,
    })),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { scope, commune } = await requirePermission({ context, request }, 'handbook.edit');
  const article = await getArticleForEditing(scope, params.slug);
  if (!article) notFound();
  const { form: formData, failure } = await readForm(request);
  if (failure) return data({ error: Object.values(failure.errors)[0]! }, { status: 400 });
  const number = revisionNumber(formData.get('number'));
  const expected = revisionNumber(formData.get('revision'));
  if (number === null || expected === null) notFound();
  try {
    await restoreRevision(scope, article.id, number, expected);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    if (error instanceof AppError) return data({ error: error.messageKey }, { status: statusOf[error.code] });
    throw error;
  }
  return redirectWithFlash(`/${commune.slug}/handbook/${article.slug}/history`, { key: 'handbook:history.restored', params: { number } });
}

export const meta: Route.MetaFunction = (args) => pageMeta(args, { noindex: true });

export default function History({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const d = loaderData;
  return (
    <div className="stack">
      <h1>{t('handbook:history.title')}</h1>
      <p>
        <Link to={`/${d.slug}/handbook/${d.article.slug}`}>{d.revisions[0]?.title}</Link>
      </p>
      {actionData?.error ? (
        <p className="form-error" role="alert">
          {t(actionData.error)}
        </p>
      ) : null}
      <ol className="revisions" reversed>
        {d.revisions.map((r) => (
          <li key={r.number}>
            <strong>
              {t('handbook:history.revision', { number: r.number })} · {t(`handbook:history.actions.${r.action as 'edit'}`)}
            </strong>{' '}
            <br />
            {r.changes.length ? (
              <ul className="changes">
                {r.changes.map((c) => (
                  <li key={c.locale}>
                    {LOCALE_NAMES[c.locale as Locale] ?? c.locale}:{' '}
                    {[
                      c.title ? t('handbook:history.titleChanged') : null,
                      c.summary ? t('handbook:history.summaryChanged') : null,
                      c.added || c.removed ? t('handbook:history.lines', { added: c.added, removed: c.removed }) : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </li>
                ))}
              </ul>
            ) : null}
            <span className="muted">{t('handbook:history.by', { name: r.author ?? t('handbook:history.unknownAuthor'), when: r.when })}</span>
            {r.number !== d.article.revision ? (
              <Form method="post" className="inline-form">
                <input type="hidden" name="number" value={r.number} />
                <input type="hidden" name="revision" value={d.article.revision} />{' '}
                <button type="submit" className="link-button">
                  {t('handbook:history.restore')}
                </button>
              </Form>
            ) : (
              <span className="badge">{t('handbook:history.current')}</span>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
