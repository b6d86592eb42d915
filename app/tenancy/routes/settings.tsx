import { useT } from '~/i18n/use-t.ts';
import { data, Form } from 'react-router';
import { requirePermission } from '~/auth/guards.server.ts';
import { getI18n } from '~/i18n/translator.server.ts';
import { LOCALE_NAMES, LOCALES } from '~/i18n/config.ts';
import { readFormData } from '~/lib/body.server.ts';
import { AppError, statusOf } from '~/lib/errors.ts';
import { redirectWithFlash } from '~/lib/flash.server.ts';
import { formFailure, parseForm } from '~/lib/forms.ts';
import { MAX_UPLOAD_BYTES } from '~/media/image-pipeline.server.ts';
import { getMedia, saveImage } from '~/media/media.server.ts';
import { ResponsiveImage } from '~/media/responsive-image.tsx';
import { Field, FormError, SubmitButton } from '~/ui/form.tsx';
import { updateCommuneProfile } from '../communes.server.ts';
import { CommuneProfileSchema, nestLocaleFields } from '../schemas.ts';
import { shrinkPickedPhotos } from '~/media/shrink-photos.ts';
import type { Route } from './+types/settings';
import { pageMeta } from '~/ui/meta.ts';

export async function loader({ context, request }: Route.LoaderArgs) {
  const { commune, scope } = await requirePermission({ context, request }, 'commune.edit');
  const cover = commune.coverMediaId ? await getMedia(scope, commune.coverMediaId) : null;
  return { title: getI18n(context).t('tenancy:settings.title'), tagline: commune.tagline, intro: commune.intro, cover };
}

export async function action({ context, request }: Route.ActionArgs) {
  const { commune, scope } = await requirePermission({ context, request }, 'commune.edit');
  let formData: FormData;
  try {
    // Room for the form fields around a maximal image.
    const { form, failure } = await readFormData(request, MAX_UPLOAD_BYTES + 64 * 1024);
    if (failure) return data(failure, { status: 400 });
    formData = form;
  } catch (error) {
    // Only a body too large to read fails here: nothing of it was kept.
    if (error instanceof AppError) return data(formFailure(new FormData(), { cover: error.messageKey }), { status: statusOf[error.code] });
    throw error;
  }
  const parsed = parseForm(formData, CommuneProfileSchema, (raw) => nestLocaleFields(raw, ['tagline', 'intro']));
  if (!parsed.ok) return data(parsed, { status: 400 });
  let coverMediaId: string | null | undefined;
  const file = formData.get('cover');
  if (file instanceof File && file.size > 0) {
    try {
      coverMediaId = (await saveImage(scope, new Uint8Array(await file.arrayBuffer()))).id;
    } catch (error) {
      if (error instanceof AppError) return data(formFailure(formData, { cover: error.messageKey }), { status: statusOf[error.code] });
      throw error;
    }
  } else if (formData.get('removeCover') === 'on') {
    coverMediaId = null;
  }
  await updateCommuneProfile(scope, { ...parsed.data, coverMediaId });
  return redirectWithFlash(`/${commune.slug}`, { key: 'tenancy:settings.saved' });
}

export const meta: Route.MetaFunction = (args) => pageMeta(args);

export default function Settings({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const d = loaderData;
  const errors = actionData?.errors;
  const values = actionData?.values;
  return (
    <div className="stack">
      <h1>{t('tenancy:settings.title')}</h1>
      <Form method="post" encType="multipart/form-data" className="stack" noValidate>
        <FormError errors={errors} />
        {LOCALES.map((lng) => (
          <fieldset key={lng} lang={lng}>
            <legend>{LOCALE_NAMES[lng]}</legend>
            <Field
              name={`tagline.${lng}`}
              label={t('tenancy:settings.tagline')}
              defaultValue={values?.[`tagline.${lng}`] ?? d.tagline[lng] ?? ''}
              errors={errors}
              maxLength={160}
            />
            <Field
              name={`intro.${lng}`}
              label={t('tenancy:settings.intro')}
              defaultValue={values?.[`intro.${lng}`] ?? d.intro[lng] ?? ''}
              errors={errors}
              multiline
              rows={5}
              maxLength={2000}
            />
          </fieldset>
        ))}
        <fieldset>
          <legend>{t('tenancy:settings.cover')}</legend>
          {d.cover ? <ResponsiveImage image={d.cover} alt={t('tenancy:settings.currentCover')} sizes="320px" /> : null}
          <div className={`field${errors?.cover ? ' field-error' : ''}`}>
            <label htmlFor="cover">{t('tenancy:settings.coverUpload')}</label>
            <p className="hint" id="cover-hint">
              {t('media:uploadHint')}
            </p>
            <input
              id="cover"
              name="cover"
              type="file"
              accept="image/jpeg,image/png,image/webp"
              onChange={shrinkPickedPhotos}
              aria-describedby="cover-hint"
              aria-invalid={errors?.cover ? true : undefined}
            />
            {errors?.cover ? (
              <p className="error" role="alert">
                {t(errors.cover)}
              </p>
            ) : null}
          </div>
          {d.cover ? (
            <label>
              <input type="checkbox" name="removeCover" /> {t('tenancy:settings.removeCover')}
            </label>
          ) : null}
        </fieldset>
        <SubmitButton>{t('tenancy:settings.save')}</SubmitButton>
      </Form>
    </div>
  );
}
