import { useT } from '~/i18n/use-t.ts';
import { data, Form, Link } from 'react-router';
import { PRODUCT_CATEGORIES, PRODUCT_UNITS } from '#domain/market.ts';
import type { ImageRef } from '#domain/media.ts';
import { LOCALE_NAMES, LOCALES } from '~/i18n/config.ts';
import { getI18n } from '~/i18n/translator.server.ts';
import { readFormData } from '~/lib/body.server.ts';
import { redirectWithFlash } from '~/lib/flash.server.ts';
import { failureFrom, formFailure, parseForm } from '~/lib/forms.ts';
import { UUID_PATTERN } from '~/lib/ids.ts';
import { MAX_UPLOAD_BYTES } from '~/media/image-pipeline.server.ts';
import { collectPhotos } from '~/media/media.server.ts';
import { PhotoPicker } from '~/media/photos.tsx';
import { nestLocaleFields } from '~/tenancy/schemas.ts';
import { Field, FormError, SubmitButton } from '~/ui/form.tsx';
import { createProduct, getProductForEdit, updateProduct, type ProductRow } from '../products.server.ts';
import { openShop } from '../access.server.ts';
import { MAX_PHOTOS, productInputSchema } from '../schemas.ts';
import type { Route } from './+types/product-editor';
import { pageMeta } from '~/ui/meta.ts';

type Ctx = Route.LoaderArgs['context'];

/** Room for eight phone photos and the fields around them. */
const MAX_BODY = 4 * MAX_UPLOAD_BYTES + 256 * 1024;

async function access(context: Ctx, request: Request, params: { sellerId?: string; productId?: string }) {
  const found: { product: ProductRow | null } = { product: null };
  const shop = await openShop(context, request, async (scope) => {
    if (!params.productId) return params.sellerId;
    if (!UUID_PATTERN.test(params.productId)) return null;
    found.product = await getProductForEdit(scope, params.productId);
    return found.product?.sellerId;
  });
  return { ...shop, product: found.product };
}

function productValues(p: ProductRow): Record<string, string> {
  const v: Record<string, string> = {
    category: p.category,
    unit: p.unit,
    price: p.currency === 'THB' ? (p.priceMinor / 100).toFixed(2) : String(p.priceMinor),
    stock: String(p.stock),
    weightGrams: p.weightGrams ? String(p.weightGrams) : '',
    certStars: p.certStars ? String(p.certStars) : '',
    certNumber: p.certNumber ?? '',
    certAuthority: p.certAuthority ?? '',
    certIssuedOn: p.certIssuedOn ?? '',
    certExpiresOn: p.certExpiresOn ?? '',
  };
  for (const field of ['title', 'description', 'season'] as const) {
    for (const lng of ['vi', 'en', 'th'] as const) v[`${field}.${lng}`] = p[field][lng] ?? '';
  }
  return v;
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const { commune, product, seller, isStaff } = await access(context, request, params);
  const { t } = getI18n(context);
  return {
    title: product ? t('market:editor.editTitle') : t('market:editor.newTitle'),
    slug: commune.slug,
    currency: commune.currency,
    primary: commune.defaultLocale,
    seller: { id: seller.id, name: seller.name, consent: Boolean(seller.consentAt) },
    isStaff,
    product: product ? { id: product.id, slug: product.slug, status: product.status, rejectReason: product.rejectReason, photos: product.photos } : null,
    values: product ? productValues(product) : { stock: '1', unit: 'kg', category: '' },
  };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const { commune, scope, product, seller } = await access(context, request, params);
  let form: FormData;
  try {
    const submitted = await readFormData(request, MAX_BODY);
    if (submitted.failure) return data(submitted.failure, { status: 400 });
    form = submitted.form;
  } catch (error) {
    const { failure, status } = failureFrom(error, new FormData(), 'photos');
    return data(failure, { status });
  }
  const parsed = parseForm(form, productInputSchema(commune.currency, commune.defaultLocale), (raw) =>
    nestLocaleFields(raw, ['title', 'description', 'season']),
  );
  if (!parsed.ok) return data(parsed, { status: 400 });
  const collected = await collectPhotos(scope, form, product?.photos ?? [], MAX_PHOTOS, 'market:errors.tooManyPhotos');
  if (!collected.ok) return data(formFailure(form, { photos: collected.messageKey }), { status: collected.status });
  const photos: ImageRef[] = collected.photos;
  const publish = form.get('intent') !== 'draft';
  try {
    const result = product
      ? await updateProduct(scope, product.id, parsed.data, photos, publish)
      : await createProduct(scope, seller.id, parsed.data, photos, publish);
    const key =
      result.status === 'published' ? 'market:editor.published' : result.status === 'pending' ? 'market:editor.sentForReview' : 'market:editor.savedDraft';
    const to = result.status === 'published' ? `/${commune.slug}/market/${result.slug}` : `/${commune.slug}/market/sellers/${seller.id}`;
    return redirectWithFlash(to, { key, tone: 'success' });
  } catch (error) {
    const { failure, status } = failureFrom(error, form);
    return data(failure, { status });
  }
}

export const meta: Route.MetaFunction = (args) => pageMeta(args);

export default function ProductEditor({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const d = loaderData;
  const errors = actionData?.errors;
  const v: Record<string, string | undefined> = actionData?.values ?? d.values;
  const optionalOpen = Boolean(errors && Object.keys(errors).some((k) => /^(title|description|season)\.(en|th)$|^cert|^weight/.test(k)));
  return (
    <div className="stack">
      <p className="muted">
        <Link to={`/${d.slug}/market/sellers/${d.seller.id}`}>{t('market:dashboard.title', { name: d.seller.name })}</Link>
      </p>
      <h1>{d.title}</h1>
      {d.isStaff ? (
        <p className="notice">{d.seller.consent ? t('market:assisted.actingFor', { name: d.seller.name, note: '' }) : t('market:assisted.needConsent')}</p>
      ) : null}
      {d.product?.status === 'rejected' && d.product.rejectReason ? (
        <p className="notice">{t('market:dashboard.rejectedBecause', { reason: d.product.rejectReason })}</p>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="stack" noValidate>
        <FormError errors={errors} />
        <Field
          name={`title.${d.primary}`}
          lang={d.primary}
          label={t('market:editor.titleIn', { language: LOCALE_NAMES[d.primary] })}
          hint={t('market:editor.titleHint')}
          defaultValue={v[`title.${d.primary}`]}
          errors={errors}
          required
          maxLength={120}
        />
        <PhotoPicker
          label={t('market:editor.photos', { count: MAX_PHOTOS })}
          removeLabel={t('market:editor.removePhoto')}
          photos={d.product?.photos ?? []}
          error={errors?.photos ? t(errors.photos, { count: MAX_PHOTOS }) : undefined}
          camera
        />
        <div className="field-row">
          <Field
            name="price"
            inputMode={d.currency === 'THB' ? 'decimal' : 'numeric'}
            label={t('market:editor.price', { currency: d.currency })}
            hint={t(d.currency === 'THB' ? 'market:editor.priceHintThb' : 'market:editor.priceHintVnd')}
            defaultValue={v.price}
            errors={errors}
            required
          />
          <div className={`field${errors?.unit ? ' field-error' : ''}`}>
            <label htmlFor="unit">{t('market:editor.unit')}</label>
            <select id="unit" name="unit" defaultValue={v.unit ?? 'kg'}>
              {PRODUCT_UNITS.map((u) => (
                <option key={u} value={u}>
                  {t(`market:units.${u}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <Field name="stock" type="number" inputMode="numeric" label={t('market:editor.stock')} defaultValue={v.stock} errors={errors} required />
        <div className={`field${errors?.category ? ' field-error' : ''}`}>
          <label htmlFor="category">{t('market:product.category')}</label>
          <select id="category" name="category" defaultValue={v.category ?? ''} aria-invalid={errors?.category ? true : undefined}>
            <option value="">{t('market:checkout.choose')}</option>
            {PRODUCT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`market:categories.${c}`)}
              </option>
            ))}
          </select>
          {errors?.category ? <p className="error">{t(errors.category)}</p> : null}
        </div>
        <Field
          name={`description.${d.primary}`}
          lang={d.primary}
          multiline
          rows={4}
          label={t('market:editor.descriptionIn', { language: LOCALE_NAMES[d.primary] })}
          defaultValue={v[`description.${d.primary}`]}
          errors={errors}
          maxLength={4000}
        />
        <details open={optionalOpen}>
          <summary>{t('market:editor.more')}</summary>
          <div className="stack">
            {LOCALES.filter((lng) => lng !== d.primary).map((lng) => (
              <div key={lng} className="stack">
                <Field
                  name={`title.${lng}`}
                  lang={lng}
                  label={t('market:editor.titleIn', { language: LOCALE_NAMES[lng] })}
                  defaultValue={v[`title.${lng}`]}
                  errors={errors}
                  maxLength={120}
                />
                <Field
                  name={`description.${lng}`}
                  lang={lng}
                  multiline
                  rows={3}
                  label={t('market:editor.descriptionIn', { language: LOCALE_NAMES[lng] })}
                  defaultValue={v[`description.${lng}`]}
                  errors={errors}
                  maxLength={4000}
                />
              </div>
            ))}
            <Field name="weightGrams" type="number" inputMode="numeric" label={t('market:editor.weight')} defaultValue={v.weightGrams} errors={errors} />
            <Field
              name={`season.${d.primary}`}
              lang={d.primary}
              label={t('market:editor.season')}
              hint={t('market:editor.seasonHint')}
              defaultValue={v[`season.${d.primary}`]}
              errors={errors}
              maxLength={200}
            />
            <fieldset className="stack">
              <legend>{t(d.currency === 'THB' ? 'market:cert.otopTitle' : 'market:cert.ocopTitle')}</legend>
              <div className={`field${errors?.certStars ? ' field-error' : ''}`}>
                <label htmlFor="certStars">{t('market:cert.stars')}</label>
                <select id="certStars" name="certStars" defaultValue={v.certStars ?? ''}>
                  <option value="">{t('market:cert.none')}</option>
                  {(d.currency === 'THB' ? [1, 2, 3, 4, 5] : [3, 4, 5]).map((s) => (
                    <option key={s} value={s}>
                      {'★'.repeat(s)}
                    </option>
                  ))}
                </select>
                {errors?.certStars ? <p className="error">{t(errors.certStars)}</p> : null}
              </div>
              <Field name="certNumber" label={t('market:cert.number')} defaultValue={v.certNumber} errors={errors} maxLength={60} />
              <Field name="certAuthority" label={t('market:cert.authority')} defaultValue={v.certAuthority} errors={errors} maxLength={160} />
              <Field name="certIssuedOn" type="date" label={t('market:cert.issuedOn')} defaultValue={v.certIssuedOn} errors={errors} />
              <Field
                name="certExpiresOn"
                type="date"
                label={t('market:cert.expiresOn')}
                hint={t('market:cert.expiresHint')}
                defaultValue={v.certExpiresOn}
                errors={errors}
              />
            </fieldset>
          </div>
        </details>
        <div className="actions">
          <SubmitButton name="intent" value="publish">
            {d.product?.status === 'published' ? t('market:editor.save') : t('market:editor.publish')}
          </SubmitButton>
          {d.product?.status === 'published' ? null : (
            <SubmitButton name="intent" value="draft" className="button button-secondary">
              {t('market:editor.saveDraft')}
            </SubmitButton>
          )}
        </div>
      </Form>
    </div>
  );
}
