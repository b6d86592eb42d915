import { useT } from '~/i18n/use-t.ts';
import { data, Form, Link } from 'react-router';
import { z } from 'zod';
import { requirePlatformPermission } from '~/auth/guards.server.ts';
import { LOCALE_NAMES, LOCALES, isLocale } from '~/i18n/config.ts';
import { getI18n } from '~/i18n/translator.server.ts';
import { readForm } from '~/lib/body.server.ts';
import { databaseContext } from '~/lib/context.ts';
import { notFound } from '~/lib/errors.ts';
import { redirectWithFlash } from '~/lib/flash.server.ts';
import { parseForm } from '~/lib/forms.ts';
import { Field, FormError, SubmitButton } from '~/ui/form.tsx';
import { getTemplateArticle, updateTemplateArticle } from '~/handbook/template.server.ts';
import type { Route } from './+types/template-article';
import { pageMeta } from '~/ui/meta.ts';

const TemplateTextSchema = z.object({
  locale: z.enum(['vi', 'en', 'th'], { error: 'common:validation.invalid' }),
  title: z.string({ error: 'handbook:errors.titleRequired' }).trim().min(1, 'handbook:errors.titleRequired').max(200, 'common:validation.tooLong'),
  summary: z.string().trim().max(500, 'common:validation.tooLong').default(''),
  body: z.string({ error: 'handbook:errors.bodyRequired' }).trim().min(1, 'handbook:errors.bodyRequired').max(50_000, 'common:validation.tooLong'),
});

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requirePlatformPermission({ context, request }, 'template.edit');
  const article = await getTemplateArticle({ db: context.get(databaseContext).db }, params.key);
  if (!article) notFound();
  const wanted = new URL(request.url).searchParams.get('locale');
  const locale = isLocale(wanted) ? wanted : 'vi';
  return {
    title: getI18n(context).t('handbook:template.editTitle'),
    key: article.key,
    locale,
    values: { title: article.title[locale] ?? '', summary: article.summary[locale] ?? '', body: article.body[locale] ?? '' },
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  requirePlatformPermission({ context, request }, 'template.edit');
  const db = context.get(databaseContext).db;
  if (!(await getTemplateArticle({ db }, params.key))) notFound();
  const { form: formData, failure } = await readForm(request, 256 * 1024);
  if (failure) return data(failure, { status: 400 });
  const parsed = parseForm(formData, TemplateTextSchema);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const { locale, ...text } = parsed.data;
  await updateTemplateArticle({ db }, params.key, locale, text);
  return redirectWithFlash(`/admin/handbook/${params.key}?locale=${locale}`, { key: 'handbook:template.saved' });
}

export const meta: Route.MetaFunction = (args) => pageMeta(args);

export default function TemplateArticle({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const d = loaderData;
  const v: Record<string, string | undefined> = { ...d.values, ...(actionData?.values ?? {}) };
  return (
    <div className="stack editor">
      <p>
        <Link to="/admin/handbook">{t('handbook:template.title')}</Link>
      </p>
      <h1>{t('handbook:template.editTitle')}</h1>
      <nav aria-label={t('handbook:editor.languages')} className="language-tabs">
        {LOCALES.map((lng) => (
          <Link key={lng} to={`?locale=${lng}`} aria-current={lng === d.locale ? 'page' : undefined} reloadDocument>
            {LOCALE_NAMES[lng]}
          </Link>
        ))}
      </nav>
      <p className="muted">{t('handbook:template.note')}</p>
      <Form method="post" className="stack" noValidate>
        <FormError errors={actionData?.errors} />
        <input type="hidden" name="locale" value={d.locale} />
        <Field
          name="title"
          label={t('handbook:editor.titleField')}
          defaultValue={v.title}
          errors={actionData?.errors}
          lang={d.locale}
          required
          maxLength={200}
        />
        <Field name="summary" label={t('handbook:editor.summary')} defaultValue={v.summary} errors={actionData?.errors} lang={d.locale} maxLength={500} />
        <Field
          name="body"
          label={t('handbook:editor.body')}
          hint={t('handbook:editor.bodyHint')}
          defaultValue={v.body}
          errors={actionData?.errors}
          lang={d.locale}
          multiline
          rows={18}
        />
        <SubmitButton>{t('handbook:editor.saveDraft')}</SubmitButton>
      </Form>
    </div>
  );
}
