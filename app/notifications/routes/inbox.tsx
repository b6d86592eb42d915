import { Form, Link, redirect } from 'react-router';
import { requireUser } from '~/auth/guards.server.ts';
import type { Locale } from '~/i18n/config.ts';
import { formatDate } from '~/i18n/format.ts';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import { useT } from '~/i18n/use-t.ts';
import { readForm } from '~/lib/body.server.ts';
import { databaseContext } from '~/lib/context.ts';
import { notFound } from '~/lib/errors.ts';
import { listNotifications, markAllRead, markRead } from '../inbox.server.ts';
import { inboxActionSchema, inboxPageSchema } from '../schemas.ts';
import type { Route } from './+types/inbox';
import { pageMeta } from '~/ui/meta.ts';

/** The signed-in person's notifications from every commune, newest first. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const locale = getLocale(context) as Locale;
  const page = inboxPageSchema.parse(new URL(request.url).searchParams.get('page') ?? 1);
  const { items, more } = await listNotifications(context.get(databaseContext).db, user.id, locale, page);
  return { title: getI18n(context).t('notifications:title'), page, more, items: items.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() })) };
}

export async function action({ context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  const { form, failure } = await readForm(request);
  if (failure) notFound();
  const parsed = inboxActionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) notFound();
  const db = context.get(databaseContext).db;
  if (parsed.data.intent === 'readAll') {
    await markAllRead(db, user.id);
    return redirect('/notifications');
  }
  const link = await markRead(db, user.id, parsed.data.id);
  if (!link) notFound(); // not theirs: as if it did not exist
  // Only a path on this site is followed (links are written by Baan, but never an open redirect).
  if (parsed.data.intent === 'open' && link.startsWith('/') && !link.startsWith('//')) return redirect(link);
  return redirect('/notifications');
}

export const meta: Route.MetaFunction = (args) => pageMeta(args);

export default function Inbox({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useT();
  const locale = i18n.language as Locale;
  const d = loaderData;
  const unread = d.items.some((i) => !i.read);
  return (
    <div className="stack">
      <h1>{t('notifications:title')}</h1>
      <p className="muted">
        <Link to="/account/notifications">{t('notifications:preferencesLink')}</Link>
      </p>
      {unread ? (
        <Form method="post">
          <button type="submit" name="intent" value="readAll" className="button button-secondary">
            {t('notifications:markAllRead')}
          </button>
        </Form>
      ) : null}
      {d.items.length === 0 ? <p className="notice">{t('notifications:empty')}</p> : null}
      <ul className="order-list notification-list">
        {d.items.map((item) => (
          <li key={item.id} className={`card stack${item.read ? '' : ' unread'}`}>
            <p>
              {item.read ? null : <span className="badge status-pending">{t('notifications:unread')}</span>} {item.text}
            </p>
            <p className="muted small">
              {item.commune} · <time dateTime={item.createdAt}>{formatDate(item.createdAt, locale, item.timeZone, true)}</time>
            </p>
            <Form method="post" className="actions">
              <input type="hidden" name="id" value={item.id} />
              <button type="submit" name="intent" value="open" className="button">
                {t('notifications:open')}
              </button>
              {item.read ? null : (
                <button type="submit" name="intent" value="read" className="button button-secondary">
                  {t('notifications:markRead')}
                </button>
              )}
            </Form>
          </li>
        ))}
      </ul>
      {d.page > 1 || d.more ? (
        <nav className="pager" aria-label={t('notifications:title')}>
          {d.page > 1 ? <Link to={`/notifications?page=${d.page - 1}`}>{t('notifications:newer')}</Link> : null}
          {d.more ? <Link to={`/notifications?page=${d.page + 1}`}>{t('notifications:older')}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
