import { useT } from '~/i18n/use-t.ts';
import { data, Form, Link } from 'react-router';
import { z } from 'zod';
import { LOCALE_NAMES, LOCALES } from '~/i18n/config.ts';
import { readForm } from '~/lib/body.server.ts';
import { AppError } from '~/lib/errors.ts';
import { redirectWithFlash } from '~/lib/flash.server.ts';
import { formFailure, parseForm } from '~/lib/forms.ts';
import { Field, FormError, SubmitButton } from '~/ui/form.tsx';
import { requirePlatformPermission } from '~/auth/guards.server.ts';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import { databaseContext } from '~/lib/context.ts';
import { localized } from '~/tenancy/commune.ts';
import { createTemplateArticle, listTemplate } from '~/handbook/template.server.ts';
import type { Route } from './+types/template';
import { pageMeta } from '~/ui/meta.ts';

/** The national template handbook, which every new commune copies. Operator only. */
export async function loader({ context, request }: Route.LoaderArgs) {
  requirePlatformPermission({ context, request }, 'template.edit');
  const locale = getLocale(context);
  const chapters = await listTemplate({ db: context.get(databaseContext).db });
  return {
    title: getI18n(context).t('handbook:template.title'),
    chapters: chapters.map((c) => ({
      key: c.key,
      pillar: c.pillar,
      title: localized(c.title, locale, 'vi').text,
      articles: c.articles.map((a) => ({ key: a.key, locales: a.locales, title: localized(a.title, locale, 'vi').text })),
    })),
  };
}

const NewTemplateArticleSchema = z.object({
  chapterKey: z
    .string({ error: 'handbook:errors.chapterUnknown' })
    .trim()
    .regex(/^[a-z0-9-]{1,80}$/, 'handbook:errors.chapterUnknown'),
  key: z
    .string({ error: 'handbook:errors.slugInvalid' })
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'handbook:errors.slugInvalid')
    .max(80, 'handbook:errors.slugInvalid'),
  locale: z.enum(['vi', 'en', 'th'], { error: 'common:validation.invalid' }),
  title: z.string({ error: 'handbook:errors.titleRequired' }).trim().min(1, 'handbook:errors.titleRequired').max(200, 'common:validation.tooLong'),
  summary: z.string().trim().max(500, 'common:validation.tooLong').default(''),
  body: z.string({ error: 'handbook:errors.bodyRequired' }).trim().min(1, 'handbook:errors.bodyRequired').max(50_000, 'common:validation.tooLong'),
});

/** The operator adds a template article; it opens for editing in its other languages. */
export async function action({ context, request }: Route.ActionArgs) {
  requirePlatformPermission({ context, request }, 'template.edit');
  const { form, failure } = await readForm(request, 256 * 1024);
  if (failure) return data(failure, { status: 400 });
  const parsed = parseForm(form, NewTemplateArticleSchema);
  if (!parsed.ok) return data(parsed, { status: 400 });
  try {
    await createTemplateArticle({ db: context.get(databaseContext).db }, parsed.data);
  } catch (error) {
    if (error instanceof AppError && (error.code === 'invalid' || error.code === 'conflict')) {
      return data(formFailure(form, { [String(error.details?.field ?? '_form')]: error.messageKey }), { status: 400 });
    }
    throw error;
  }
  return redirectWithFlash(`/admin/handbook/${parsed.data.key}?locale=${parsed.data.locale}`, { key: 'handbook:template.created' });
}

export const meta: Route.MetaFunction = (args) => pageMeta(args);

export default function Template({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const errors = actionData?.errors;
  const v: Record<string, string | undefined> = actionData?.values ?? {};
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
      <details className="card" open={Boolean(actionData)}>
        <summary>{t('handbook:template.new')}</summary>
        <Form method="post" className="stack" noValidate>
          <FormError errors={errors} />
          <div className={`field${errors?.chapterKey ? ' field-error' : ''}`}>
            <label htmlFor="chapterKey">{t('handbook:editor.chapter')}</label>
            <select id="chapterKey" name="chapterKey" defaultValue={v.chapterKey ?? loaderData.chapters[0]?.key}>
              {loaderData.chapters.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.title}
                </option>
              ))}
            </select>
          </div>
          <Field
            name="key"
            label={t('handbook:template.key')}
            hint={t('handbook:template.keyHint')}
            defaultValue={v.key}
            errors={errors}
            required
            maxLength={80}
          />
          <div className="field">
            <label htmlFor="locale">{t('handbook:template.language')}</label>
            <select id="locale" name="locale" defaultValue={v.locale ?? 'vi'}>
              {LOCALES.map((lng) => (
                <option key={lng} value={lng}>
                  {LOCALE_NAMES[lng]}
                </option>
              ))}
            </select>
          </div>
          <Field name="title" label={t('handbook:editor.titleField')} defaultValue={v.title} errors={errors} required maxLength={200} />
          <Field name="summary" label={t('handbook:editor.summary')} defaultValue={v.summary} errors={errors} maxLength={500} />
          <Field name="body" label={t('handbook:editor.body')} defaultValue={v.body} errors={errors} multiline rows={10} required />
          <SubmitButton>{t('handbook:template.create')}</SubmitButton>
        </Form>
      </details>
    </div>
  );
}
