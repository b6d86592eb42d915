import { useT } from '~/i18n/use-t.ts';
import { data, Form, Link, useRouteLoaderData } from 'react-router';
import { requireCommune, scopeOf } from '~/auth/guards.server.ts';
import type { Locale } from '~/i18n/config.ts';
import { formatDay } from '~/i18n/format.ts';
import { getLocale } from '~/i18n/translator.server.ts';
import { readForm } from '~/lib/body.server.ts';
import { AppError, notFound, statusOf } from '~/lib/errors.ts';
import { redirectWithFlash } from '~/lib/flash.server.ts';
import { formFailure, parseForm } from '~/lib/forms.ts';
import { retryAfterFromAction, retryAfterHeaders } from '~/lib/rate-limit.server.ts';
import { clientAddress } from '~/lib/server-facts.ts';
import { Money } from '~/market/ui.tsx';
import { PhotoGallery } from '~/media/photos.tsx';
import { Field, FormError, SubmitButton } from '~/ui/form.tsx';
import { OfflinePage } from '~/handbook/offline-page.tsx';
import type { RouteHandle } from '~/ui/route-handle.ts';
// The small map's script (see place-map.browser.ts): MapLibre only once the map is scrolled to.
import placeMapScript from '../place-map.browser.ts?worker&url';
import { sendInquiry } from '../inquiries.server.ts';
import { KIND_COLORS } from '../kinds.ts';
import { loadPlacePage } from '../place-page.server.ts';
import { inquirySchema, todayIn } from '../schemas.ts';
import { TrackSvg } from '../track-svg.tsx';
import type { Route } from './+types/place';
import type { loader as RootLoader } from '~/root.tsx';
import { pageMeta } from '~/ui/meta.ts';

/** A reading page with a form: plain HTML, no framework; the small map loads when scrolled to. */
export const handle: RouteHandle = { hydrate: false };

export async function loader({ context, params, request }: Route.LoaderArgs) {
  return loadPlacePage(context, request, params.slug);
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const commune = requireCommune(context);
  const locale = getLocale(context);
  const scope = { ...scopeOf(context), tenantId: commune.id };
  const { form, failure } = await readForm(request);
  if (failure) return data(failure, { status: 400 });
  const parsed = parseForm(form, inquirySchema(todayIn(commune.timeZone)));
  if (!parsed.ok) return data(parsed, { status: 400 });
  // Only a published homestay takes inquiries (anything else is not there: 404); asking is
  // limited per client and per homestay (429, nothing sent).
  try {
    await sendInquiry(scope, params.slug, parsed.data, locale, clientAddress(context));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === 'not_found') notFound();
    return data(formFailure(form, { _form: error.messageKey }), { status: statusOf[error.code], headers: retryAfterHeaders(error) });
  }
  return redirectWithFlash(`/${commune.slug}/tourism/${params.slug}#inquiry-sent`, { key: 'tourism:inquiry.sent', tone: 'success', at: 'inquiry' });
}

/** A 429 says when to try again (Retry-After), on the HTML page too. */
export const headers: Route.HeadersFunction = retryAfterFromAction;

export const meta: Route.MetaFunction = (args) =>
  args.loaderData
    ? pageMeta(args, { title: `${args.loaderData.title} · ${args.loaderData.communeName} · Baan`, description: args.loaderData.place.summary })
    : [];

function distance(m: number, t: (key: 'tourism:place.km' | 'tourism:place.m', o: Record<string, unknown>) => string) {
  return m >= 1000 ? t('tourism:place.km', { km: (m / 1000).toFixed(1) }) : t('tourism:place.m', { m });
}

export default function PlacePage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useT();
  const locale = i18n.language as Locale;
  const d = loaderData;
  const p = d.place;
  const errors = actionData?.errors;
  const v = actionData?.values ?? {};
  // The booking inquiry just sent (its message is shown by the form, not at the top of the page).
  const flash = useRouteLoaderData<typeof RootLoader>('root')?.flash;
  const sent = flash?.at === 'inquiry' ? flash : null;
  const inquiryForm = (
    <Form method="post" className="stack" noValidate>
      <FormError errors={errors} />
      <div className="field-row">
        <Field name="checkIn" type="date" label={t('tourism:inquiry.checkIn')} defaultValue={v.checkIn} errors={errors} required />
        <Field name="checkOut" type="date" label={t('tourism:inquiry.checkOut')} defaultValue={v.checkOut} errors={errors} required />
      </div>
      <Field name="guests" type="number" inputMode="numeric" label={t('tourism:inquiry.guests')} defaultValue={v.guests ?? '2'} errors={errors} required />
      <Field name="name" label={t('tourism:inquiry.name')} defaultValue={v.name} errors={errors} required autoComplete="name" maxLength={120} />
      <Field
        name="phone"
        type="tel"
        inputMode="tel"
        label={t('tourism:inquiry.phone')}
        hint={t('tourism:inquiry.contactHint')}
        defaultValue={v.phone}
        errors={errors}
        autoComplete="tel"
      />
      <Field name="email" type="email" inputMode="email" label={t('tourism:inquiry.email')} defaultValue={v.email} errors={errors} autoComplete="email" />
      <Field name="message" label={t('tourism:inquiry.message')} defaultValue={v.message} errors={errors} multiline rows={3} maxLength={2000} />
      <SubmitButton>{t('tourism:inquiry.send')}</SubmitButton>
    </Form>
  );
  const osm = `https://www.openstreetmap.org/?mlat=${p.lat}&mlon=${p.lon}#map=16/${p.lat}/${p.lon}`;
  return (
    <article className="stack place-page">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: d.jsonLd }} />
      <p className="muted">
        <Link to={`/${d.communeSlug}/tourism`}>{t('tourism:place.back', { name: d.communeName })}</Link>
      </p>
      <PhotoGallery photos={p.photos} alt={p.name} otherAlt={t('tourism:place.photo', { name: p.name })} />
      <header>
        <span className="kind-tag" style={{ borderColor: KIND_COLORS[p.kind] }}>
          {d.kindLabel}
        </span>
        <h1 lang={p.lang.name}>{p.name}</h1>
        {p.summary ? (
          <p className="lead" lang={p.lang.summary}>
            {p.summary}
          </p>
        ) : null}
        {p.fellBack ? <p className="notice">{t('tourism:place.fallback')}</p> : null}
      </header>
      {p.kind === 'trail' && p.track ? (
        <section className="card" aria-labelledby="trail-title">
          <h2 id="trail-title">{t('tourism:trail.title')}</h2>
          <TrackSvg track={p.track} label={t('tourism:trail.drawing', { name: p.name })} />
          <dl className="facts">
            <dt>{t('tourism:trail.length')}</dt>
            <dd>{t('tourism:place.km', { km: ((p.lengthM ?? 0) / 1000).toFixed(1) })}</dd>
            <dt>{t('tourism:trail.gain')}</dt>
            <dd>{t('tourism:place.m', { m: p.gainM ?? 0 })}</dd>
          </dl>
        </section>
      ) : null}
      {p.description ? (
        <div className="pre-line" lang={p.lang.description}>
          {p.description}
        </div>
      ) : null}
      <dl className="facts">
        {p.kind === 'homestay' ? (
          <>
            {p.details.rooms ? (
              <>
                <dt>{t('tourism:place.rooms')}</dt>
                <dd>{p.details.rooms}</dd>
              </>
            ) : null}
            {p.details.priceFrom !== null ? (
              <>
                <dt>{t('tourism:place.priceRange')}</dt>
                <dd>
                  <Money minor={p.details.priceFrom} currency={d.currency} />
                  {p.details.priceTo ? (
                    <>
                      {' – '}
                      <Money minor={p.details.priceTo} currency={d.currency} />
                    </>
                  ) : null}{' '}
                  {t('tourism:place.perNight')}
                </dd>
              </>
            ) : null}
            <dt>{t('tourism:place.meals')}</dt>
            <dd>{p.details.meals ? t('tourism:place.yes') : t('tourism:place.no')}</dd>
            <dt>{t('tourism:place.wifi')}</dt>
            <dd>{p.details.wifi ? t('tourism:place.yes') : t('tourism:place.no')}</dd>
          </>
        ) : null}
        {p.details.dishes ? (
          <>
            <dt>{t('tourism:place.dishes')}</dt>
            <dd>{p.details.dishes}</dd>
          </>
        ) : null}
        {p.details.fees ? (
          <>
            <dt>{t('tourism:place.fees')}</dt>
            <dd>{p.details.fees}</dd>
          </>
        ) : null}
        {p.details.bestSeason ? (
          <>
            <dt>{t('tourism:place.bestSeason')}</dt>
            <dd>{p.details.bestSeason}</dd>
          </>
        ) : null}
        {p.hours ? (
          <>
            <dt>{t('tourism:place.hours')}</dt>
            <dd>{p.hours}</dd>
          </>
        ) : null}
        {p.phone ? (
          <>
            <dt>{t('tourism:place.phone')}</dt>
            <dd>
              <a href={`tel:${p.phone.replace(/[^+\d]/g, '')}`}>{p.phone}</a>
            </dd>
          </>
        ) : null}
        {p.zalo ? (
          <>
            <dt>Zalo</dt>
            <dd>
              <a href={`https://zalo.me/${p.zalo.replace(/[^\d]/g, '')}`} rel="noopener nofollow">
                {p.zalo}
              </a>
            </dd>
          </>
        ) : null}
        {p.website ? (
          <>
            <dt>{t('tourism:place.website')}</dt>
            <dd>
              <a href={p.website} rel="noopener nofollow">
                {p.website.replace(/^https?:\/\//, '')}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      <p className="actions">
        <a className="button" href={`geo:${p.lat},${p.lon}?q=${p.lat},${p.lon}`}>
          {t('tourism:place.directions')}
        </a>
        <a href={osm} rel="noopener nofollow">
          {t('tourism:place.openStreetMap')}
        </a>
        <Link to={`/${d.communeSlug}/tourism?place=${encodeURIComponent(`${d.communeSlug}/${p.slug}`)}&lat=${p.lat}&lon=${p.lon}&z=15`}>
          {t('tourism:place.onMap')}
        </Link>
      </p>
      {d.events.length ? (
        <section aria-labelledby="events-here">
          <h2 id="events-here">{t('tourism:events.here')}</h2>
          <ul className="link-list">
            {d.events.map((e) => (
              <li key={e.id}>
                {e.title} — {formatDay(e.startsOn, locale)}
                {e.endsOn !== e.startsOn ? ` – ${formatDay(e.endsOn, locale)}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {p.kind === 'homestay' ? (
        <section className="card" id="inquiry" aria-labelledby="inquiry-title">
          <h2 id="inquiry-title">{t('tourism:inquiry.title')}</h2>
          <p className="muted">{t('tourism:inquiry.lead')}</p>
          {sent ? (
            // Just sent: the reader sees it here, where the form was, not at the top of the page.
            <>
              {/* The redirect's target (#inquiry-sent): a screen reader starts reading here. */}
              <p className="flash flash-success" role="status" id="inquiry-sent" tabIndex={-1}>
                {t(sent.key, sent.params ?? {})}
              </p>
              <details>
                <summary>{t('tourism:inquiry.another')}</summary>
                {inquiryForm}
              </details>
            </>
          ) : (
            inquiryForm
          )}
        </section>
      ) : null}
      {/* Shown by its script; without JavaScript the directions links say where the place is. Below the
          booking form, so a phone downloads MapLibre only for a reader who scrolls to it. */}
      <section aria-labelledby="map-title" data-place-map-section="" hidden>
        <h2 id="map-title">{t('tourism:place.mapTitle')}</h2>
        <div className="map-frame" data-place-map="" style={{ '--map-height': '15rem' } as React.CSSProperties}>
          <div className="map-box" aria-hidden="true" />
        </div>
        <script type="application/json" id="place-map-config" dangerouslySetInnerHTML={{ __html: d.mapConfig }} />
        <script type="module" src={placeMapScript} />
      </section>
      {d.nearby.length ? (
        <section aria-labelledby="nearby-title">
          <h2 id="nearby-title">{t('tourism:place.nearby')}</h2>
          <ul className="link-list">
            {d.nearby.map((n) => (
              <li key={n.slug}>
                <Link to={`/${d.communeSlug}/tourism/${n.slug}`}>{n.name}</Link>{' '}
                <span className="muted small">
                  · {t(`tourism:kinds.${n.kind}`)} · {distance(n.distanceM, t)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {d.products.length ? (
        <section aria-labelledby="products-title">
          <h2 id="products-title">{t('tourism:place.products', { name: d.communeName })}</h2>
          <ul className="link-list">
            {d.products.map((product) => (
              <li key={product.slug}>
                <Link to={`/${d.communeSlug}/market/${product.slug}`}>{product.title}</Link> — <Money minor={product.priceMinor} currency={product.currency} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {d.canEdit ? (
        <p>
          <Link to={`/${d.communeSlug}/tourism/${p.slug}/edit`}>{t('tourism:place.edit')}</Link>
        </p>
      ) : null}
      <OfflinePage />
    </article>
  );
}
