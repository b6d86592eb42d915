import { useT } from '~/i18n/use-t.ts';
import { data, Form } from 'react-router';
import { requirePermission } from '~/auth/guards.server.ts';
import { LOCALE_NAMES, LOCALES } from '~/i18n/config.ts';
import { formatDate } from '~/i18n/format.ts';
import { getI18n, getLocale, isMessageKey } from '~/i18n/translator.server.ts';
import { UUID_PATTERN } from '~/lib/ids.ts';
import { readForm } from '~/lib/body.server.ts';
import { AppError, notFound, statusOf } from '~/lib/errors.ts';
import { redirectWithFlash } from '~/lib/flash.server.ts';
import { formFailure, parseForm } from '~/lib/forms.ts';
import { nestLocaleFields } from '~/tenancy/schemas.ts';
import { Field, FormError, SubmitButton } from '~/ui/form.tsx';
import { AnnouncementInputSchema, FeedUrlSchema } from '../news-schemas.ts';
import { addAnnouncement, addFeed, deleteAnnouncement, deleteFeed, importFeed, listAnnouncements, listFeeds } from '../news.server.ts';
import type { Route } from './+types/news-manage';
import { pageMeta } from '~/ui/meta.ts';

export async function loader({ context, request }: Route.LoaderArgs) {
  const { scope, commune } = await requirePermission({ context, request }, 'news.manage');
  const locale = getLocale(context);
  const when = (d: Date | null) => (d ? formatDate(d, locale, commune.timeZone, true) : '');
  const [announcements, feeds] = await Promise.all([listAnnouncements(scope, locale, commune.defaultLocale), listFeeds(scope)]);
  const i18n = getI18n(context);
  // A failed run stores its error's key, with the HTTP status appended when there was one.
  const reasonOf = (error: string | null) => {
    const key = (error ?? '').replace(/ \(\d+\)$/, '');
    return isMessageKey(i18n, key) ? key : 'handbook:feeds.errors.unexpected';
  };
  return {
    title: i18n.t('handbook:news.manage'),
    slug: commune.slug,
    announcements: announcements.map((a) => ({ id: a.id, title: a.title, pinned: a.pinned, expires: a.expiresAt ? when(a.expiresAt) : null })),
    feeds: feeds.map((f) => ({
      id: f.id,
      url: f.url,
      title: f.title,
      lastRun: when(f.lastRunAt),
      runs: f.runs.map((r) => ({ status: r.status, itemsSeen: r.itemsSeen, itemsNew: r.itemsNew, when: when(r.startedAt), reason: reasonOf(r.error) })),
    })),
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const { scope, commune } = await requirePermission({ context, request }, 'news.manage');
  const { form: formData, failure } = await readForm(request, 128 * 1024);
  if (failure) return data({ ...failure, form: String(formData.get('intent') ?? '') }, { status: 400 });
  const intent = String(formData.get('intent') ?? '');
  const back = `/${commune.slug}/news/manage`;
  const id = String(formData.get('id') ?? '');
  try {
    switch (intent) {
      case 'announce': {
        const parsed = parseForm(formData, AnnouncementInputSchema, (raw) => nestLocaleFields(raw, ['title', 'body']));
        if (!parsed.ok) return data({ ...parsed, form: intent }, { status: 400 });
        await addAnnouncement(scope, parsed.data);
        return redirectWithFlash(back, { key: 'handbook:news.announced' });
      }
      case 'delete-announcement':
        if (!UUID_PATTERN.test(id)) notFound();
        await deleteAnnouncement(scope, id);
        return redirectWithFlash(back, { key: 'handbook:news.deleted', tone: 'info' });
      case 'add-feed': {
        const parsed = parseForm(formData, FeedUrlSchema);
        if (!parsed.ok) return data({ ...parsed, form: intent }, { status: 400 });
        const feedId = await addFeed(scope, parsed.data.url);
        const result = await importFeed(scope, feedId);
        return redirectWithFlash(
          back,
          result.status === 'ok'
            ? { key: 'handbook:feeds.added', params: { count: result.itemsNew } }
            : { key: 'handbook:feeds.addedButFailed', tone: 'error' },
        );
      }
      case 'import': {
        if (!UUID_PATTERN.test(id)) notFound();
        const result = await importFeed(scope, id);
        return redirectWithFlash(
          back,
          result.status === 'ok'
            ? { key: 'handbook:feeds.imported', params: { count: result.itemsNew } }
            : { key: 'handbook:feeds.importFailed', tone: 'error' },
        );
      }
      case 'delete-feed':
        if (!UUID_PATTERN.test(id)) notFound();
        await deleteFeed(scope, id);
        return redirectWithFlash(back, { key: 'handbook:feeds.deleted', tone: 'info' });
      default:
        return data({ ...formFailure(formData, { _form: 'common:validation.invalid' }), form: intent }, { status: 400 });
    }
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    if (error instanceof AppError)
      return data(
        { ...formFailure(formData, { [String(error.details?.field ?? '_form')]: error.messageKey }), form: intent },
        { status: statusOf[error.code] },
      );
    throw error;
  }
}

export const meta: Route.MetaFunction = (args) => pageMeta(args);

export default function ManageNews({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const d = loaderData;
  const announceErrors = actionData?.form === 'announce' ? actionData.errors : undefined;
  const feedErrors = actionData?.form === 'add-feed' ? actionData.errors : undefined;
  const v = actionData?.values ?? {};
  return (
    <div className="stack">
      <h1>{t('handbook:news.manage')}</h1>
      <FormError errors={actionData && actionData.form !== 'announce' && actionData.form !== 'add-feed' ? actionData.errors : undefined} />
      <section className="card" aria-labelledby="announce-title">
        <h2 id="announce-title">{t('handbook:news.newAnnouncement')}</h2>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="announce" />
          <FormError errors={announceErrors} />
          {LOCALES.map((lng) => (
            <fieldset key={lng} lang={lng}>
              <legend>{LOCALE_NAMES[lng]}</legend>
              <Field
                name={`title.${lng}`}
                label={t('handbook:news.announcementTitle')}
                defaultValue={v[`title.${lng}`]}
                errors={announceErrors}
                maxLength={200}
              />
              <Field
                name={`body.${lng}`}
                label={t('handbook:news.announcementBody')}
                defaultValue={v[`body.${lng}`]}
                errors={announceErrors}
                multiline
                rows={3}
                maxLength={4000}
              />
            </fieldset>
          ))}
          <label>
            <input type="checkbox" name="pinned" defaultChecked={v.pinned === 'on'} /> {t('handbook:news.pin')}
          </label>
          <Field
            name="expiresAt"
            type="date"
            label={t('handbook:news.expiresAt')}
            hint={t('handbook:news.expiresHint')}
            defaultValue={v.expiresAt}
            errors={announceErrors}
          />
          <SubmitButton>{t('handbook:news.publishAnnouncement')}</SubmitButton>
        </Form>
        <ul>
          {d.announcements.map((a) => (
            <li key={a.id}>
              {a.pinned ? <span className="badge">{t('handbook:news.pinned')}</span> : null} {a.title}
              {a.expires ? <span className="muted"> · {t('handbook:news.until', { date: a.expires })}</span> : null}
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="delete-announcement" />
                <input type="hidden" name="id" value={a.id} />{' '}
                <button type="submit" className="link-button">
                  {t('handbook:news.delete')}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="feeds-title">
        <h2 id="feeds-title">{t('handbook:feeds.title')}</h2>
        <p className="muted">{t('handbook:feeds.lead')}</p>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="add-feed" />
          <Field
            name="url"
            type="url"
            inputMode="url"
            label={t('handbook:feeds.url')}
            hint={t('handbook:feeds.urlHint')}
            defaultValue={v.url}
            errors={feedErrors}
            required
          />
          <SubmitButton>{t('handbook:feeds.add')}</SubmitButton>
        </Form>
        {d.feeds.map((f) => (
          <div key={f.id} className="feed">
            <h3>{f.title || f.url}</h3>
            <p className="muted">
              {f.url}
              {f.lastRun ? ` · ${t('handbook:feeds.lastRun', { when: f.lastRun })}` : ''}
            </p>
            <Form method="post" className="inline-form">
              <input type="hidden" name="id" value={f.id} />
              <button type="submit" name="intent" value="import" className="button button-secondary">
                {t('handbook:feeds.importNow')}
              </button>{' '}
              <button type="submit" name="intent" value="delete-feed" className="link-button">
                {t('handbook:feeds.delete')}
              </button>
            </Form>
            <h4>{t('handbook:feeds.log')}</h4>
            <ul className="feed-log">
              {f.runs.map((r, i) => (
                <li key={i} className={r.status === 'failed' ? 'error' : undefined}>
                  {r.when} —{' '}
                  {r.status === 'ok'
                    ? t('handbook:feeds.runOk', { seen: r.itemsSeen, fresh: r.itemsNew })
                    : t('handbook:feeds.runFailed', {
                        reason: t(r.reason),
                      })}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </div>
  );
}
