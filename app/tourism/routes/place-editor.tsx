import { useState } from 'react';
import { useT } from '~/i18n/use-t.ts';
import { data, Form, Link } from 'react-router';
import type { ImageRef } from '#domain/media.ts';
import { getViewer, requireCommune, requireUser, scopeOf } from '~/auth/guards.server.ts';
import { grant, permits } from '~/auth/permissions.ts';
import { LOCALE_NAMES, LOCALES, type Locale } from '~/i18n/config.ts';
import { getI18n } from '~/i18n/translator.server.ts';
import { readFormData } from '~/lib/body.server.ts';
import { notFound } from '~/lib/errors.ts';
import { redirectWithFlash } from '~/lib/flash.server.ts';
import { failureFrom, formFailure, parseForm } from '~/lib/forms.ts';
import { env } from '~/lib/env.server.ts';
import { MAX_UPLOAD_BYTES } from '~/media/image-pipeline.server.ts';
import { collectPhotos } from '~/media/media.server.ts';
import { PhotoPicker } from '~/media/photos.tsx';
import { nestLocaleFields } from '~/tenancy/schemas.ts';
import { Field, FormError, SubmitButton } from '~/ui/form.tsx';
import { parseGpx, MAX_GPX_BYTES, type Track } from '../gpx.server.ts';
import { PLACE_KINDS, type PlaceKind } from '../kinds.ts';
import { mapLabels } from '../map-labels.ts';
import { distanceFromCommune, FAR_FROM_COMMUNE_M, findPlaceToEdit, ownerEmailOf, savePlace, type PlaceRow } from '../places.server.ts';
import { PickMap } from '../pick-map.tsx';
import { placeInputSchema } from '../schemas.ts';
import type { Route } from './+types/place-editor';
import { pageMeta } from '~/ui/meta.ts';

type Ctx = Route.LoaderArgs['context'];
const MAX_PHOTOS = 8;
const MAX_BODY = 4 * MAX_UPLOAD_BYTES + MAX_GPX_BYTES + 256 * 1024;

/** Officials and editors edit every place; a seller member only the places they own. */
async function access(context: Ctx, request: Request, slug: string | undefined) {
  const commune = requireCommune(context);
  const user = requireUser(context, request);
  const base = { ...scopeOf(context), tenantId: commune.id, userId: user.id };
  const viewer = await getViewer(context);
  if (!viewer) notFound();
  let place: PlaceRow | null = null;
  if (slug) {
    place = await findPlaceToEdit(base, slug);
    if (!place) notFound();
  }
  // A new place needs `place.manage`; an existing one `place.edit`, which its owner holds too.
  const scope = grant(base, viewer, place ? ['place.edit'] : ['place.edit', 'place.manage'], { ownerId: place?.ownerUserId });
  if (!scope) notFound();
  return { commune, scope, staff: permits(scope, 'place.manage'), place };
}

function valuesOf(p: PlaceRow, ownerEmail: string): Record<string, string> {
  const v: Record<string, string> = {
    kind: p.kind,
    lat: String(p.lat),
    lon: String(p.lon),
    phone: p.phone ?? '',
    zalo: p.zalo ?? '',
    website: p.website ?? '',
    published: p.published ? 'on' : '',
    rooms: p.details.rooms ? String(p.details.rooms) : '',
    priceFrom: p.details.priceFrom !== undefined ? String(p.details.priceFrom) : '',
    priceTo: p.details.priceTo !== undefined ? String(p.details.priceTo) : '',
    meals: p.details.meals ? 'on' : '',
    wifi: p.details.wifi ? 'on' : '',
    ownerEmail,
  };
  for (const lng of LOCALES) {
    v[`name.${lng}`] = p.name[lng] ?? '';
    v[`summary.${lng}`] = p.summary[lng] ?? '';
    v[`description.${lng}`] = p.description[lng] ?? '';
    v[`hours.${lng}`] = p.hours[lng] ?? '';
    v[`dishes.${lng}`] = p.details.dishes?.[lng] ?? '';
    v[`fees.${lng}`] = p.details.fees?.[lng] ?? '';
    v[`bestSeason.${lng}`] = p.details.bestSeason?.[lng] ?? '';
  }
  return v;
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const { commune, scope, staff, place } = await access(context, request, params.slug);
  const { t } = getI18n(context);
  return {
    title: place ? t('tourism:editor.editTitle') : t('tourism:editor.newTitle'),
    slug: commune.slug,
    primary: commune.defaultLocale,
    staff,
    styleUrl: env.mapStyleUrl,
    center: { lat: commune.centerLat, lon: commune.centerLon, zoom: commune.zoom },
    place: place ? { slug: place.slug, photos: place.photos, hasTrack: Boolean(place.track), lengthM: place.lengthM } : null,
    values: place
      ? valuesOf(place, staff ? await ownerEmailOf(scope, place.ownerUserId) : '')
      : ({ kind: 'homestay', published: 'on' } as Record<string, string>),
  };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const { commune, scope, place } = await access(context, request, params.slug);
  let form: FormData;
  try {
    const submitted = await readFormData(request, MAX_BODY);
    if (submitted.failure) return data({ ...submitted.failure, far: false }, { status: 400 });
    form = submitted.form;
  } catch (error) {
    const { failure, status } = failureFrom(error, new FormData());
    return data({ ...failure, far: false }, { status });
  }
  const parsed = parseForm(form, placeInputSchema(commune.defaultLocale, commune.currency), (raw) =>
    nestLocaleFields(raw, ['name', 'summary', 'description', 'hours', 'dishes', 'fees', 'bestSeason']),
  );
  if (!parsed.ok) return data({ ...parsed, far: false }, { status: 400 });
  const input = parsed.data;
  // A trail's GPX file, if one was chosen: checked before anything is stored.
  let track: Track | undefined;
  const gpxFile = form.get('gpx');
  if (gpxFile instanceof File && gpxFile.size > 0) {
    if (input.kind !== 'trail') return data({ ...formFailure(form, { gpx: 'tourism:errors.gpxOnlyTrails' }), far: false }, { status: 400 });
    try {
      track = parseGpx(new Uint8Array(await gpxFile.arrayBuffer()));
    } catch (error) {
      const { failure, status } = failureFrom(error, form, 'gpx');
      return data({ ...failure, far: false }, { status });
    }
  } else if (input.kind === 'trail' && !place?.track) {
    return data({ ...formFailure(form, { gpx: 'tourism:errors.gpxRequired' }), far: false }, { status: 400 });
  }
  // Far from the commune: probably a typo or a tap in the wrong place. Ask once.
  const at = track ? track.start : { lat: input.lat, lon: input.lon };
  if (distanceFromCommune(commune, at.lat, at.lon) > FAR_FROM_COMMUNE_M && form.get('confirmFar') !== 'on') {
    return data({ ...formFailure(form, { lat: 'tourism:errors.farFromCommune' }), far: true }, { status: 400 });
  }
  const collected = await collectPhotos(scope, form, place?.photos ?? [], MAX_PHOTOS, 'tourism:errors.tooManyPhotos');
  if (!collected.ok) return data({ ...formFailure(form, { photos: collected.messageKey }), far: false }, { status: collected.status });
  const photos: ImageRef[] = collected.photos;
  try {
    const saved = await savePlace(scope, place?.id ?? null, input, photos, track);
    return redirectWithFlash(input.published ? `/${commune.slug}/tourism/${saved.slug}` : `/${commune.slug}/tourism/manage`, {
      key: input.published ? 'tourism:editor.published' : 'tourism:editor.savedDraft',
    });
  } catch (error) {
    const { failure, status } = failureFrom(error, form);
    return data({ ...failure, far: false }, { status });
  }
}

export const meta: Route.MetaFunction = (args) => pageMeta(args);

export default function PlaceEditor({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const d = loaderData;
  const errors = actionData?.errors;
  const v: Record<string, string | undefined> = actionData?.values ?? d.values;
  const [kind, setKind] = useState<PlaceKind>((v.kind as PlaceKind) ?? 'homestay');
  const [lat, setLat] = useState(v.lat ?? '');
  const [lon, setLon] = useState(v.lon ?? '');
  // The pin follows typed coordinates only while they are real ones.
  const typedLat = Number(lat);
  const typedLon = Number(lon);
  const pick =
    lat.trim() && lon.trim() && Number.isFinite(typedLat) && Number.isFinite(typedLon) && Math.abs(typedLat) <= 90 && Math.abs(typedLon) <= 180
      ? { lat: typedLat, lon: typedLon }
      : null;
  const others = LOCALES.filter((lng) => lng !== d.primary) as Locale[];
  const localeFields = (field: string, label: string, multiline = false, max = 300) =>
    [d.primary, ...others].map((lng) => (
      <Field
        key={`${field}.${lng}`}
        name={`${field}.${lng}`}
        lang={lng}
        label={`${label} (${LOCALE_NAMES[lng]})`}
        defaultValue={v[`${field}.${lng}`]}
        errors={errors}
        multiline={multiline}
        rows={multiline ? 4 : undefined}
        maxLength={max}
      />
    ));
  return (
    <div className="stack">
      <p className="muted">
        <Link to={`/${d.slug}/tourism/manage`}>{t('tourism:manage.title')}</Link>
      </p>
      <h1>{d.title}</h1>
      <Form method="post" encType="multipart/form-data" className="stack" noValidate>
        <FormError errors={errors} />
        <div className="field">
          <label htmlFor="kind">{t('tourism:editor.kind')}</label>
          <select id="kind" name="kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as PlaceKind)}>
            {PLACE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`tourism:kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <Field
          name={`name.${d.primary}`}
          lang={d.primary}
          label={`${t('tourism:editor.name')} (${LOCALE_NAMES[d.primary]})`}
          defaultValue={v[`name.${d.primary}`]}
          errors={errors}
          required
          maxLength={120}
        />
        {others.map((lng) => (
          <Field
            key={`name.${lng}`}
            name={`name.${lng}`}
            lang={lng}
            label={`${t('tourism:editor.name')} (${LOCALE_NAMES[lng]})`}
            defaultValue={v[`name.${lng}`]}
            errors={errors}
            maxLength={120}
          />
        ))}
        <fieldset className="stack">
          <legend>{t('tourism:editor.location')}</legend>
          <p className="hint">{t('tourism:editor.locationHint')}</p>
          <PickMap
            styleUrl={d.styleUrl}
            view={pick ? { ...pick, zoom: 14 } : d.center}
            labels={{ ...mapLabels(t), mapLabel: t('tourism:editor.mapLabel') }}
            pick={pick}
            onPick={(a, b) => {
              setLat(a.toFixed(6));
              setLon(b.toFixed(6));
            }}
          />
          <div className="field-row">
            <div className={`field${errors?.lat ? ' field-error' : ''}`}>
              <label htmlFor="lat">{t('tourism:editor.lat')}</label>
              <input
                id="lat"
                name="lat"
                inputMode="decimal"
                value={lat}
                onChange={(e) => setLat(e.currentTarget.value)}
                aria-invalid={errors?.lat ? true : undefined}
              />
            </div>
            <div className={`field${errors?.lon ? ' field-error' : ''}`}>
              <label htmlFor="lon">{t('tourism:editor.lon')}</label>
              <input
                id="lon"
                name="lon"
                inputMode="decimal"
                value={lon}
                onChange={(e) => setLon(e.currentTarget.value)}
                aria-invalid={errors?.lon ? true : undefined}
              />
            </div>
          </div>
          {errors?.lat ? (
            <p className="error" role="alert">
              {t(errors.lat)}
            </p>
          ) : null}
          {errors?.lon ? <p className="error">{t(errors.lon)}</p> : null}
          {actionData?.far ? (
            <label className="checkbox">
              <input type="checkbox" name="confirmFar" /> {t('tourism:editor.confirmFar')}
            </label>
          ) : null}
        </fieldset>
        {kind === 'trail' ? (
          <div className={`field${errors?.gpx ? ' field-error' : ''}`}>
            <label htmlFor="gpx">{t('tourism:editor.gpx')}</label>
            <p className="hint">
              {d.place?.hasTrack ? t('tourism:editor.gpxReplace', { km: ((d.place.lengthM ?? 0) / 1000).toFixed(1) }) : t('tourism:editor.gpxHint')}
            </p>
            <input id="gpx" name="gpx" type="file" accept=".gpx,application/gpx+xml,application/xml,text/xml" />
            {errors?.gpx ? <p className="error">{t(errors.gpx)}</p> : null}
          </div>
        ) : null}
        {localeFields('summary', t('tourism:editor.summary'), false, 300)}
        {localeFields('description', t('tourism:editor.description'), true, 6000)}
        {kind === 'homestay' ? (
          <fieldset className="stack">
            <legend>{t('tourism:kinds.homestay')}</legend>
            <Field name="rooms" type="number" inputMode="numeric" label={t('tourism:place.rooms')} defaultValue={v.rooms} errors={errors} />
            <div className="field-row">
              <Field name="priceFrom" inputMode="numeric" label={t('tourism:editor.priceFrom')} defaultValue={v.priceFrom} errors={errors} />
              <Field name="priceTo" inputMode="numeric" label={t('tourism:editor.priceTo')} defaultValue={v.priceTo} errors={errors} />
            </div>
            <label className="checkbox">
              <input type="checkbox" name="meals" defaultChecked={v.meals === 'on'} /> {t('tourism:place.meals')}
            </label>
            <label className="checkbox">
              <input type="checkbox" name="wifi" defaultChecked={v.wifi === 'on'} /> {t('tourism:place.wifi')}
            </label>
          </fieldset>
        ) : kind === 'food' ? (
          localeFields('dishes', t('tourism:place.dishes'), false, 500)
        ) : (
          <>
            {localeFields('fees', t('tourism:place.fees'), false, 200)}
            {localeFields('bestSeason', t('tourism:place.bestSeason'), false, 200)}
          </>
        )}
        {localeFields('hours', t('tourism:place.hours'), false, 200)}
        <Field name="phone" type="tel" inputMode="tel" label={t('tourism:place.phone')} defaultValue={v.phone} errors={errors} />
        <Field name="zalo" type="tel" inputMode="tel" label="Zalo" defaultValue={v.zalo} errors={errors} />
        <Field name="website" type="url" inputMode="url" label={t('tourism:place.website')} defaultValue={v.website} errors={errors} />
        <PhotoPicker
          label={t('tourism:editor.photos', { count: MAX_PHOTOS })}
          removeLabel={t('market:editor.removePhoto')}
          photos={d.place?.photos ?? []}
          error={errors?.photos ? t(errors.photos, { count: MAX_PHOTOS }) : undefined}
        />
        {d.staff ? (
          <Field name="ownerEmail" label={t('tourism:editor.owner')} hint={t('tourism:editor.ownerHint')} defaultValue={v.ownerEmail} errors={errors} />
        ) : null}
        <label className="checkbox">
          <input type="checkbox" name="published" defaultChecked={v.published === 'on'} /> {t('tourism:editor.publish')}
        </label>
        <SubmitButton>{t('tourism:editor.save')}</SubmitButton>
      </Form>
    </div>
  );
}
