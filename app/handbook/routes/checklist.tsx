import { useT } from '~/i18n/use-t.ts';
import { data, Form, Link } from 'react-router';
import { requirePermission } from '~/auth/guards.server.ts';
import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from '~/i18n/config.ts';
import { getI18n } from '~/i18n/translator.server.ts';
import { readForm } from '~/lib/body.server.ts';
import { notFound } from '~/lib/errors.ts';
import { redirectWithFlash } from '~/lib/flash.server.ts';
import { failureFrom, parseForm, type FieldErrors } from '~/lib/forms.ts';
import { Field, FormError, SubmitButton } from '~/ui/form.tsx';
import type { RouteHandle } from '~/ui/route-handle.ts';
import { getChecklistForEditing, saveChecklist } from '../checklist.server.ts';
import { getArticleForEditing } from '../editing.server.ts';
import { ChecklistInputSchema, nestChecklistFields } from '../schemas.ts';
import type { Route } from './+types/checklist';
import { pageMeta } from '~/ui/meta.ts';

/** A plain form: no JavaScript needed to edit a checklist. */
export const handle: RouteHandle = { hydrate: false };

/** Empty rows offered for new steps on each visit. */
const NEW_ROWS = 3;

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const { scope, commune } = await requirePermission({ context, request }, 'handbook.edit');
  const article = await getArticleForEditing(scope, params.slug);
  if (!article) notFound();
  const wanted = new URL(request.url).searchParams.get('in');
  const language: Locale = isLocale(wanted) ? wanted : commune.defaultLocale;
  const checklist = await getChecklistForEditing(scope, article.id);
  const title = article.translations.find((t) => t.locale === language)?.title ?? article.translations[0]?.title ?? params.slug;
  return {
    title: getI18n(context).t('handbook:checklist.title', { article: title }),
    slug: commune.slug,
    articleSlug: params.slug,
    language,
    checklistTitle: checklist?.title[language] ?? '',
    steps: (checklist?.steps ?? []).map((s, i) => ({
      id: s.id,
      position: String(i + 1),
      title: s.title[language] ?? '',
      detail: s.detail[language] ?? '',
      linkUrl: s.linkUrl ?? '',
      linkLabel: s.linkLabel[language] ?? '',
      // What the step says in another language, to translate from.
      hint: Object.entries(s.title).find(([l, v]) => l !== language && v)?.[1] ?? '',
    })),
  };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const { scope, commune } = await requirePermission({ context, request }, 'handbook.edit');
  const { form, failure } = await readForm(request);
  if (failure) return data(failure, { status: 400 });
  const wanted = String(form.get('language') ?? '');
  const language: Locale = isLocale(wanted) ? wanted : commune.defaultLocale;
  const parsed = parseForm(form, ChecklistInputSchema, nestChecklistFields);
  if (!parsed.ok) {
    // The schema speaks of `steps.N.field`; the form's fields are `step.N.field`.
    const errors: FieldErrors = Object.fromEntries(Object.entries(parsed.errors).map(([k, v]) => [k.replace(/^steps\./, 'step.'), v]));
    return data({ ...parsed, errors }, { status: 400 });
  }
  try {
    await saveChecklist(scope, params.slug, language, parsed.data);
  } catch (error) {
    const { failure, status } = failureFrom(error, form);
    return data(failure, { status });
  }
  return redirectWithFlash(`/${commune.slug}/handbook/${params.slug}/checklist?in=${language}`, { key: 'handbook:checklist.saved' });
}

export const meta: Route.MetaFunction = (args) => pageMeta(args);

export default function ChecklistEditor({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const d = loaderData;
  const errors = actionData?.errors;
  const v: Record<string, string | undefined> = actionData?.values ?? {};
  const rows = [...d.steps, ...Array.from({ length: NEW_ROWS }, () => ({ id: '', position: '', title: '', detail: '', linkUrl: '', linkLabel: '', hint: '' }))];
  const value = (i: number, field: string, stored: string) => (actionData ? (v[`step.${i}.${field}`] ?? '') : stored);
  return (
    <div className="stack">
      <p className="muted">
        <Link to={`/${d.slug}/handbook/${d.articleSlug}`}>{t('handbook:checklist.back')}</Link>
      </p>
      <h1>{d.title}</h1>
      <p className="muted">{t('handbook:checklist.lead')}</p>
      <nav className="language-tabs" aria-label={t('handbook:checklist.languages')}>
        {LOCALES.map((lng) => (
          <Link key={lng} to={`?in=${lng}`} aria-current={lng === d.language ? 'page' : undefined}>
            {LOCALE_NAMES[lng]}
          </Link>
        ))}
      </nav>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="language" value={d.language} />
        <FormError errors={errors} />
        <Field
          name="title"
          lang={d.language}
          label={t('handbook:checklist.checklistTitle')}
          defaultValue={actionData ? v.title : d.checklistTitle}
          errors={errors}
          maxLength={200}
        />
        <ol className="stack checklist-rows">
          {rows.map((row, i) => (
            <li key={row.id || `new-${i}`} className="card stack">
              <input type="hidden" name={`step.${i}.id`} value={row.id} />
              <p className="muted small">{row.id ? t('handbook:checklist.step', { number: i + 1 }) : t('handbook:checklist.newStep')}</p>
              {row.hint && !row.title ? <p className="hint">{t('handbook:checklist.translateFrom', { text: row.hint })}</p> : null}
              <Field
                name={`step.${i}.title`}
                lang={d.language}
                label={t('handbook:checklist.stepTitle')}
                defaultValue={value(i, 'title', row.title)}
                errors={errors}
                maxLength={200}
              />
              <Field
                name={`step.${i}.detail`}
                lang={d.language}
                label={t('handbook:checklist.stepDetail')}
                defaultValue={value(i, 'detail', row.detail)}
                errors={errors}
                multiline
                rows={2}
                maxLength={1000}
              />
              <Field
                name={`step.${i}.linkUrl`}
                type="url"
                inputMode="url"
                label={t('handbook:checklist.link')}
                hint={t('handbook:checklist.linkHint')}
                defaultValue={value(i, 'linkUrl', row.linkUrl)}
                errors={errors}
                maxLength={500}
              />
              <Field
                name={`step.${i}.linkLabel`}
                lang={d.language}
                label={t('handbook:checklist.linkLabel')}
                defaultValue={value(i, 'linkLabel', row.linkLabel)}
                errors={errors}
                maxLength={80}
              />
              <div className="field-row">
                <Field
                  name={`step.${i}.position`}
                  type="number"
                  inputMode="numeric"
                  label={t('handbook:checklist.position')}
                  defaultValue={value(i, 'position', row.position)}
                  errors={errors}
                />
                {row.id ? (
                  <label className="checkbox">
                    <input type="checkbox" name={`step.${i}.remove`} defaultChecked={v[`step.${i}.remove`] === 'on'} /> {t('handbook:checklist.remove')}
                  </label>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
        <SubmitButton>{t('handbook:checklist.save')}</SubmitButton>
      </Form>
    </div>
  );
}
