import { useEffect, useRef, useState } from 'react';
import { useT } from '~/i18n/use-t.ts';
import type { MessageKey } from '~/i18n/message-key.ts';
import { data, Form, Link, useFetcher } from 'react-router';
import { requirePermission } from '~/auth/guards.server.ts';
import { LOCALE_NAMES, LOCALES, isLocale, type Locale } from '~/i18n/config.ts';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import { readFormData } from '~/lib/body.server.ts';
import { MAX_UPLOAD_BYTES } from '~/media/image-pipeline.server.ts';
import { saveImage } from '~/media/media.server.ts';
import { AppError, notFound, statusOf } from '~/lib/errors.ts';
import { redirectWithFlash } from '~/lib/flash.server.ts';
import { type FieldErrors, formFailure, parseForm } from '~/lib/forms.ts';
import { Field, FormError } from '~/ui/form.tsx';
import { createArticle, getArticleForEditing, listChapters, saveTranslation, setPublished } from '../editing.server.ts';
import { renderMarkdown } from '../markdown.server.ts';
import { ArticleInputSchema, revisionNumber } from '../schemas.ts';
import { shrinkPickedPhotos } from '~/media/shrink-photos.ts';
import type { Route } from './+types/editor';
import { pageMeta } from '~/ui/meta.ts';

/** The editor: its own route (own code chunk), so reader pages never download it. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { scope, commune } = await requirePermission({ context, request }, 'handbook.edit');
  const uiLocale = getLocale(context);
  const url = new URL(request.url);
  const wanted = url.searchParams.get('locale');
  const chapters = await listChapters(scope, uiLocale, commune.defaultLocale);
  const article = params.slug ? await getArticleForEditing(scope, params.slug) : null;
  if (params.slug && !article) notFound();
  // Without a choice, the commune's own language when the article has it (a template article comes
  // in all three, and the commune adapts its own), else the article's first, else the commune's.
  const written = article?.translations.map((t) => t.locale) ?? [];
  const locale: Locale = isLocale(wanted)
    ? wanted
    : written.includes(commune.defaultLocale)
      ? commune.defaultLocale
      : ((written[0] as Locale | undefined) ?? commune.defaultLocale);
  const translation = article?.translations.find((t) => t.locale === locale) ?? null;
  return {
    title: getI18n(context).t(article ? 'handbook:editor.editTitle' : 'handbook:editor.newArticle'),
    slug: commune.slug,
    chapters,
    article: article
      ? {
          id: article.id,
          slug: article.slug,
          chapterId: article.chapterId,
          published: article.published,
          revision: article.revision,
          locales: article.translations.map((t) => t.locale),
        }
      : null,
    locale,
    values: { title: translation?.title ?? '', summary: translation?.summary ?? '', body: translation?.body ?? '' },
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { scope, commune } = await requirePermission({ context, request }, 'handbook.edit');
  let formData: FormData;
  try {
    // Room for a photo (the editor form is multipart) around the text.
    const { form, failure } = await readFormData(request, MAX_UPLOAD_BYTES + 256 * 1024);
    if (failure) return data({ ...failure, preview: null }, { status: 400 });
    formData = form;
  } catch (error) {
    // Only a body too large to read fails here: nothing of it was kept.
    if (error instanceof AppError)
      return data({ ...formFailure(new FormData(), { photo: error.messageKey }), preview: null }, { status: statusOf[error.code] });
    throw error;
  }
  const intent = String(formData.get('intent') ?? 'save');
  if (intent === 'upload') {
    // A photo goes through the shared media pipeline; its Markdown is added to the text, and
    // nothing typed is lost (the form comes back with everything in it).
    const values = Object.fromEntries([...formData].filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    const file = formData.get('photo');
    if (!(file instanceof File) || file.size === 0) return data({ ...formFailure(formData, { photo: 'media:errors.empty' }), preview: null }, { status: 400 });
    try {
      const image = await saveImage(scope, new Uint8Array(await file.arrayBuffer()));
      const variant = image.variants.find((v) => v.width >= 640) ?? image.variants[image.variants.length - 1]!;
      const alt = String(formData.get('photoAlt') ?? '')
        .replace(/[[\]\n]/g, ' ')
        .trim()
        .slice(0, 120);
      values.body = `${values.body ?? ''}\n\n![${alt}](/media/${variant.key})\n`;
      return data({ ok: true as const, errors: {} as FieldErrors, values, preview: renderMarkdown(values.body) });
    } catch (error) {
      if (error instanceof AppError) return data({ ...formFailure(formData, { photo: error.messageKey }), preview: null }, { status: statusOf[error.code] });
      throw error;
    }
  }
  if (intent === 'preview') {
    return data({
      preview: renderMarkdown(String(formData.get('body') ?? '').slice(0, 50_000)),
      errors: {} as FieldErrors,
      values: Object.fromEntries([...formData].filter(([, v]) => typeof v === 'string')) as Record<string, string>,
    });
  }
  const article = params.slug ? await getArticleForEditing(scope, params.slug) : null;
  if (params.slug && !article) notFound();
  const base = `/${commune.slug}/handbook`;
  // The revision the editor started from; anything but a whole number is a forged form.
  const revision = revisionNumber(formData.get('revision')) ?? 0;
  if (article && revision < 1) {
    return data({ ...formFailure(formData, { _form: 'common:errors.badRequest' }), preview: null }, { status: 400 });
  }
  try {
    if (article && (intent === 'publish' || intent === 'unpublish')) {
      await setPublished(scope, article.id, revision, intent === 'publish');
      return redirectWithFlash(`${base}/${article.slug}`, { key: intent === 'publish' ? 'handbook:editor.published' : 'handbook:editor.unpublished' });
    }
    const parsed = parseForm(formData, ArticleInputSchema, (raw) => ({ ...raw, slug: article?.slug ?? raw.slug }));
    if (!parsed.ok) return data({ ...parsed, preview: null }, { status: 400 });
    if (!article) {
      const created = await createArticle(scope, parsed.data);
      return redirectWithFlash(`${base}/${created.slug}/edit?locale=${parsed.data.locale}`, { key: 'handbook:editor.saved' });
    }
    await saveTranslation(scope, article.id, revision, parsed.data);
    if (intent === 'save-and-publish' && !article.published) {
      const fresh = await getArticleForEditing(scope, article.slug);
      await setPublished(scope, article.id, fresh!.revision, true);
      return redirectWithFlash(`${base}/${article.slug}`, { key: 'handbook:editor.published' });
    }
    return redirectWithFlash(`${base}/${article.slug}/edit?locale=${parsed.data.locale}`, { key: 'handbook:editor.saved' });
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    if (error instanceof AppError) {
      const field = String(error.details?.field ?? '_form');
      return data({ ...formFailure(formData, { [field]: error.messageKey }), preview: null }, { status: statusOf[error.code] });
    }
    throw error;
  }
}

export const meta: Route.MetaFunction = (args) => pageMeta(args, { noindex: true });

export default function Editor({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const d = loaderData;
  const errors = actionData?.errors;
  const values: Record<string, string | undefined> = { ...d.values, ...(actionData?.values ?? {}) };
  const base = `/${d.slug}/handbook`;
  const preview = useLivePreview(values.body ?? '', actionData?.preview ?? null);
  return (
    <div className="stack editor">
      <h1>{d.article ? t('handbook:editor.editTitle') : t('handbook:editor.newArticle')}</h1>
      {d.article ? (
        <nav aria-label={t('handbook:editor.languages')} className="language-tabs">
          {LOCALES.map((lng) => (
            <Link key={lng} to={`?locale=${lng}`} aria-current={lng === d.locale ? 'page' : undefined} reloadDocument>
              {LOCALE_NAMES[lng]} {d.article!.locales.includes(lng) ? '✓' : t('handbook:editor.missing')}
            </Link>
          ))}
        </nav>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="stack" noValidate>
        <FormError errors={errors} />
        <input type="hidden" name="locale" value={d.locale} />
        {d.article ? <input type="hidden" name="revision" value={d.article.revision} /> : null}
        <p className="muted">{t('handbook:editor.writingIn', { language: LOCALE_NAMES[d.locale] })}</p>
        <div className={`field${errors?.chapterId ? ' field-error' : ''}`}>
          <label htmlFor="chapter">{t('handbook:editor.chapter')}</label>
          <select
            id="chapter"
            name="chapterId"
            defaultValue={values.chapterId ?? d.article?.chapterId ?? d.chapters[0]?.id}
            aria-invalid={errors?.chapterId ? true : undefined}
            aria-describedby={errors?.chapterId ? 'chapter-error' : undefined}
          >
            {d.chapters.map((c) => (
              <option key={c.id} value={c.id}>
                {t(`handbook:pillars.${c.pillar}`)} — {c.title}
              </option>
            ))}
          </select>
          {errors?.chapterId ? (
            <p className="error" id="chapter-error">
              {t(errors.chapterId)}
            </p>
          ) : null}
        </div>
        {d.article ? null : (
          <Field
            name="slug"
            label={t('handbook:editor.slug')}
            hint={t('handbook:editor.slugHint')}
            defaultValue={values.slug}
            errors={errors}
            required
            maxLength={120}
          />
        )}
        <Field name="title" label={t('handbook:editor.titleField')} defaultValue={values.title} errors={errors} required maxLength={200} lang={d.locale} />
        <Field name="summary" label={t('handbook:editor.summary')} defaultValue={values.summary} errors={errors} maxLength={500} lang={d.locale} />
        <BodyField key={values.body ?? ''} value={values.body ?? ''} error={errors?.body} onChange={preview.onChange} lang={d.locale} />
        <fieldset>
          <legend>{t('handbook:editor.photo')}</legend>
          <p className="hint">{t('media:uploadHint')}</p>
          <div className={`field${errors?.photo ? ' field-error' : ''}`}>
            <label htmlFor="photo">{t('handbook:editor.photoFile')}</label>
            <input
              id="photo"
              name="photo"
              type="file"
              accept="image/jpeg,image/png,image/webp"
              onChange={shrinkPickedPhotos}
              aria-invalid={errors?.photo ? true : undefined}
            />
            {errors?.photo ? (
              <p className="error" role="alert">
                {t(errors.photo)}
              </p>
            ) : null}
          </div>
          <Field name="photoAlt" label={t('handbook:editor.photoAlt')} errors={errors} maxLength={120} lang={d.locale} />
          <button type="submit" name="intent" value="upload" className="button button-secondary">
            {t('handbook:editor.photoAdd')}
          </button>
        </fieldset>
        <div className="button-row">
          <button type="submit" name="intent" value="save" className="button">
            {t('handbook:editor.saveDraft')}
          </button>
          {d.article && !d.article.published ? (
            <button type="submit" name="intent" value="save-and-publish" className="button button-secondary">
              {t('handbook:editor.saveAndPublish')}
            </button>
          ) : null}
          <button type="submit" name="intent" value="preview" className="button button-secondary">
            {t('handbook:editor.preview')}
          </button>
        </div>
      </Form>
      {d.article ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="revision" value={d.article.revision} />
          <button type="submit" name="intent" value={d.article.published ? 'unpublish' : 'publish'} className="button button-secondary">
            {d.article.published ? t('handbook:editor.unpublish') : t('handbook:editor.publish')}
          </button>{' '}
          <Link to={`${base}/${d.article.slug}/history`}>{t('handbook:history.title')}</Link>
        </Form>
      ) : null}
      <section aria-labelledby="preview-title" className="card">
        <h2 id="preview-title">{t('handbook:editor.previewTitle')}</h2>
        {preview.html ? (
          <div className="prose" lang={d.locale} dangerouslySetInnerHTML={{ __html: preview.html }} />
        ) : (
          <p className="muted">{t('handbook:editor.previewEmpty')}</p>
        )}
      </section>
    </div>
  );
}

function BodyField({ value, error, onChange, lang }: { value: string; error?: MessageKey; onChange: (text: string) => void; lang: string }) {
  const { t } = useT();
  return (
    <div className={`field${error ? ' field-error' : ''}`}>
      <label htmlFor="body">{t('handbook:editor.body')}</label>
      <p className="hint" id="body-hint">
        {t('handbook:editor.bodyHint')}
      </p>
      <textarea
        id="body"
        name="body"
        rows={16}
        defaultValue={value}
        lang={lang}
        aria-describedby="body-hint"
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
      {error ? <p className="error">{t(error)}</p> : null}
    </div>
  );
}

/** With JavaScript, the preview follows typing (rendered by the server's own sanitiser). */
function useLivePreview(initialBody: string, submitted: string | null) {
  const fetcher = useFetcher<{ preview: string }>();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [html, setHtml] = useState<string | null>(submitted);
  // The newest of the two sources wins: a preview the fetcher brought back, or the form's own answer
  // (adjusted while rendering, as React advises, rather than by an effect that renders twice).
  const [seen, setSeen] = useState({ data: fetcher.data, submitted });
  if (seen.data !== fetcher.data || seen.submitted !== submitted) {
    setSeen({ data: fetcher.data, submitted });
    if (seen.data !== fetcher.data && fetcher.data?.preview !== undefined) setHtml(fetcher.data.preview);
    if (seen.submitted !== submitted && submitted !== null) setHtml(submitted);
  }
  useEffect(() => {
    // The router reports a failed preview through the fetcher's state; nothing waits for it here.
    if (submitted === null && initialBody) void fetcher.submit({ intent: 'preview', body: initialBody }, { method: 'post' });
    // Only once, for the text the page opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return {
    html,
    onChange(text: string) {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => fetcher.submit({ intent: 'preview', body: text }, { method: 'post' }), 400);
    },
  };
}
