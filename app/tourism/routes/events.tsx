import { useT } from '~/i18n/use-t.ts';
import { data, Form, Link } from 'react-router';
import { getViewer, requireCommune, requirePermission, scopeOf } from '~/auth/guards.server.ts';
import { can, grant } from '~/auth/permissions.ts';
import { LOCALE_NAMES, LOCALES, type Locale } from '~/i18n/config.ts';
import { formatDay } from '~/i18n/format.ts';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import { linkOrigin } from '~/lib/env.server.ts';
import { readForm } from '~/lib/body.server.ts';
import { notFound } from '~/lib/errors.ts';
import { redirectWithFlash } from '~/lib/flash.server.ts';
import { failureFrom, parseForm } from '~/lib/forms.ts';
import { UUID_PATTERN } from '~/lib/ids.ts';
import { langOf, localized } from '~/tenancy/commune.ts';
import { nestLocaleFields } from '~/tenancy/schemas.ts';
import { Field, FormError, SubmitButton } from '~/ui/form.tsx';
import { OfflinePage } from '~/handbook/offline-page.tsx';
import type { RouteHandle } from '~/ui/route-handle.ts';
import { deleteEvent, listEvents, saveEvent } from '../events.server.ts';
import { listManagedPlaces } from '../places.server.ts';
import { eventInputSchema, todayIn } from '../schemas.ts';
import type { Route } from './+types/events';
import { pageMeta } from '~/ui/meta.ts';

export const handle: RouteHandle = { hydrate: false };

export async function loader({ context, request }: Route.LoaderArgs) {
  const commune = requireCommune(context);
  const locale = getLocale(context) as Locale;
  const scope = { ...scopeOf(context), tenantId: commune.id };
  const today = todayIn(commune.timeZone);
  const [viewer, events] = await Promise.all([getViewer(context), listEvents(scope, today)]);
  const canEdit = can(viewer, 'event.manage', commune);
  const editorScope = canEdit && viewer && scope.userId ? grant({ ...scope, userId: scope.userId }, viewer, ['event.manage']) : null;
  const places = editorScope ? await listManagedPlaces(editorScope) : [];
  const editId = new URL(request.url).searchParams.get('edit');
  const editing = canEdit && editId ? (events.find((e) => e.id === editId) ?? null) : null;
  const l = (text: Partial<Record<string, string>> | null) => (text ? localized(text, locale, commune.defaultLocale).text : '');
  return {
    title: getI18n(context).t('tourism:events.title'),
    slug: commune.slug,
    calendar: calendarLinks(linkOrigin(request), commune.slug, locale),
    primary: commune.defaultLocale,
    today,
    canEdit,
    events: events.map((e) => {
      const title = localized(e.title ?? {}, locale, commune.defaultLocale);
      const description = localized(e.description ?? {}, locale, commune.defaultLocale);
      return {
        id: e.id,
        slug: e.slug,
        title: title.text,
        description: description.text,
        // Each text's language where it is not the page's (a Thai reader shown the English).
        lang: { title: langOf(title, locale), description: langOf(description, locale) },
        startsOn: e.startsOn,
        endsOn: e.endsOn,
        startTime: e.startTime,
        placeName: l(e.placeName),
        placeSlug: e.placeSlug,
      };
    }),
    places: places.map((p) => ({ id: p.id, name: l(p.name) })),
    editing: editing
      ? {
          id: editing.id,
          values: {
            ...Object.fromEntries(
              LOCALES.flatMap((lng) => [
                [`title.${lng}`, editing.title[lng] ?? ''],
                [`description.${lng}`, editing.description[lng] ?? ''],
              ]),
            ),
            startsOn: editing.startsOn,
            endsOn: editing.endsOn,
            startTime: editing.startTime ?? '',
            placeId: editing.placeId ?? '',
          } as Record<string, string>,
        }
      : null,
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const { scope, commune } = await requirePermission({ context, request }, 'event.manage');
  const { form, failure } = await readForm(request);
  if (failure) return data(failure, { status: 400 });
  const intent = String(form.get('intent') ?? 'save');
  const id = String(form.get('id') ?? '');
  // Deleting needs the event's id; an id that is not a UUID (or none at all) names no event.
  if ((id || intent === 'delete') && !UUID_PATTERN.test(id)) notFound();
  try {
    if (intent === 'delete') {
      await deleteEvent(scope, id);
      return redirectWithFlash(`/${commune.slug}/events`, { key: 'tourism:events.deleted', tone: 'info' });
    }
    const parsed = parseForm(form, eventInputSchema(commune.defaultLocale, todayIn(commune.timeZone)), (raw) =>
      nestLocaleFields(raw, ['title', 'description']),
    );
    if (!parsed.ok) return data(parsed, { status: 400 });
    await saveEvent(scope, id || null, parsed.data);
    return redirectWithFlash(`/${commune.slug}/events`, { key: 'tourism:events.saved' });
  } catch (error) {
    const { failure, status } = failureFrom(error, form);
    return data(failure, { status });
  }
}

export const meta: Route.MetaFunction = (args) => pageMeta(args);

/**
 * The commune's calendar, offered as a subscription (new events arrive by themselves): `webcal:`
 * for the phone's or computer's own calendar (iPhone, Mac, Outlook, most Android calendar apps),
 * Google Calendar's "add by URL" (it fetches the feed itself, so it needs the public address),
 * and the file as a download. In the reader's language, as calendar apps send no language.
 */
function calendarLinks(origin: string | null, slug: string, locale: Locale) {
  // Without a public address the feed itself is refused (its events' links would point nowhere).
  if (!origin) return null;
  const feed = `${origin}/${slug}/events.ics?lng=${locale}`;
  return {
    subscribe: feed.replace(/^https?:/, 'webcal:'),
    // Google fetches the feed from its own servers: the https address, not webcal's plain http.
    google: `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(feed)}`,
    file: feed,
  };
}

export default function Events({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useT();
  const locale = i18n.language as Locale;
  const d = loaderData;
  const errors = actionData?.errors;
  const v: Record<string, string | undefined> = actionData?.values ?? d.editing?.values ?? {};
  const day = (iso: string) => formatDay(iso, locale);
  return (
    <div className="stack">
      <h1>{t('tourism:events.title')}</h1>
      <p className="actions">
        {d.calendar ? (
          <>
            <a href={d.calendar.subscribe} className="button button-secondary">
              {t('tourism:events.subscribe')}
            </a>
            <a href={d.calendar.google}>{t('tourism:events.subscribeGoogle')}</a>
            <a href={d.calendar.file} download={`${d.slug}-events.ics`}>
              {t('tourism:events.download')}
            </a>
          </>
        ) : null}
        <Link to={`/${d.slug}/tourism`}>{t('tourism:events.toMap')}</Link>
      </p>
      {d.calendar ? <p className="muted small">{t('tourism:events.subscribeHint')}</p> : null}
      {d.events.length === 0 ? <p className="notice">{t('tourism:events.none')}</p> : null}
      <ol className="order-list">
        {d.events.map((e) => (
          <li key={e.id} id={e.slug} className="card">
            <strong lang={e.lang.title}>{e.title}</strong>
            <br />
            <span className="muted">
              {day(e.startsOn)}
              {e.endsOn !== e.startsOn ? ` – ${day(e.endsOn)}` : ''}
              {e.startTime ? ` · ${e.startTime}` : ''}
              {e.placeName && e.placeSlug ? (
                <>
                  {' · '}
                  <Link to={`/${d.slug}/tourism/${e.placeSlug}`}>{e.placeName}</Link>
                </>
              ) : null}
            </span>
            {e.description ? (
              <p className="pre-line" lang={e.lang.description}>
                {e.description}
              </p>
            ) : null}
            {d.canEdit ? (
              <p className="actions">
                <Link to={`?edit=${e.id}#event-form`}>{t('tourism:events.edit')}</Link>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="id" value={e.id} />
                  <button type="submit" name="intent" value="delete" className="link-button">
                    {t('tourism:events.delete')}
                  </button>
                </Form>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      {d.canEdit ? (
        <section className="card" id="event-form" aria-labelledby="event-form-title">
          <h2 id="event-form-title">{d.editing ? t('tourism:events.editTitle') : t('tourism:events.add')}</h2>
          <Form method="post" className="stack" noValidate>
            {d.editing ? <input type="hidden" name="id" value={d.editing.id} /> : null}
            <FormError errors={errors} />
            {[d.primary, ...LOCALES.filter((lng) => lng !== d.primary)].map((lng) => (
              <Field
                key={lng}
                name={`title.${lng}`}
                lang={lng}
                label={t('tourism:events.titleIn', { language: LOCALE_NAMES[lng] })}
                defaultValue={v[`title.${lng}`]}
                errors={errors}
                required={lng === d.primary}
                maxLength={160}
              />
            ))}
            <div className="field-row">
              <Field name="startsOn" type="date" label={t('tourism:events.startsOn')} defaultValue={v.startsOn} errors={errors} required />
              <Field name="endsOn" type="date" label={t('tourism:events.endsOn')} defaultValue={v.endsOn} errors={errors} required />
            </div>
            <Field
              name="startTime"
              type="time"
              label={t('tourism:events.startTime')}
              hint={t('tourism:events.startTimeHint')}
              defaultValue={v.startTime}
              errors={errors}
            />
            <div className={`field${errors?.placeId ? ' field-error' : ''}`}>
              <label htmlFor="placeId">{t('tourism:events.place')}</label>
              <select
                id="placeId"
                name="placeId"
                defaultValue={v.placeId ?? ''}
                aria-invalid={errors?.placeId ? true : undefined}
                aria-describedby={errors?.placeId ? 'placeId-error' : undefined}
              >
                <option value="">{t('tourism:events.noPlace')}</option>
                {d.places.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
              {errors?.placeId ? (
                <p className="error" id="placeId-error">
                  {t(errors.placeId)}
                </p>
              ) : null}
            </div>
            <Field
              name={`description.${d.primary}`}
              lang={d.primary}
              multiline
              rows={3}
              label={t('tourism:events.description')}
              defaultValue={v[`description.${d.primary}`]}
              errors={errors}
              maxLength={4000}
            />
            <SubmitButton>{t('tourism:events.save')}</SubmitButton>
          </Form>
        </section>
      ) : null}
      <OfflinePage />
    </div>
  );
}
