import { useT } from '~/i18n/use-t.ts';
import { Form, Link, data } from 'react-router';
import { INQUIRY_STATUSES, type InquiryStatus } from '#domain/tourism.ts';
import { requirePermission } from '~/auth/guards.server.ts';
import type { Locale } from '~/i18n/config.ts';
import { formatDate, formatDay } from '~/i18n/format.ts';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import { readForm } from '~/lib/body.server.ts';
import { AppError, notFound } from '~/lib/errors.ts';
import { redirectWithFlash } from '~/lib/flash.server.ts';
import { issueKey } from '~/lib/forms.ts';
import { UUID_PATTERN } from '~/lib/ids.ts';
import { localized } from '~/tenancy/commune.ts';
import { listInquiries, replyToInquiry, setInquiryStatus } from '../inquiries.server.ts';
import { inquiryReplySchema } from '../schemas.ts';
import type { Route } from './+types/inquiries';
import { pageMeta } from '~/ui/meta.ts';

/** The inbox of booking inquiries: officials see all, a host those of their own places. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const { scope, commune } = await requirePermission({ context, request }, 'inquiry.read');
  const locale = getLocale(context) as Locale;
  const rows = await listInquiries(scope);
  return {
    title: getI18n(context).t('tourism:inbox.title'),
    slug: commune.slug,
    timeZone: commune.timeZone,
    inquiries: rows.map((r) => ({ ...r, placeName: localized(r.placeName, locale, commune.defaultLocale).text })),
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const { scope, commune } = await requirePermission({ context, request }, 'inquiry.read');
  const { form, failure } = await readForm(request);
  // Nothing is typed here (the buttons carry an id and a status): a forbidden character names no inquiry.
  if (failure) notFound();
  const id = String(form.get('id') ?? '');
  if (form.get('intent') === 'reply') {
    if (!UUID_PATTERN.test(id)) notFound();
    const parsed = inquiryReplySchema.safeParse({ message: form.get('message') ?? '' });
    if (!parsed.success) return data({ replyError: { id, message: issueKey(parsed.error.issues[0]?.message ?? 'tourism:inbox.replyEmpty') } }, { status: 400 });
    try {
      await replyToInquiry(scope, id, parsed.data.message);
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') notFound();
      throw error;
    }
    return redirectWithFlash(`/${commune.slug}/tourism/inquiries`, { key: 'tourism:inbox.replySent', tone: 'info' });
  }
  const status = String(form.get('status') ?? '') as InquiryStatus;
  if (!UUID_PATTERN.test(id) || !INQUIRY_STATUSES.includes(status)) notFound();
  try {
    await setInquiryStatus(scope, id, status);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
  return redirectWithFlash(`/${commune.slug}/tourism/inquiries`, { key: 'tourism:inbox.updated', tone: 'info' });
}

export const meta: Route.MetaFunction = (args) => pageMeta(args);

export default function Inquiries({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useT();
  const locale = i18n.language as Locale;
  const d = loaderData;
  const day = (iso: string) => formatDay(iso, locale);
  return (
    <div className="stack">
      <p className="muted">
        <Link to={`/${d.slug}/tourism/manage`}>{t('tourism:manage.title')}</Link>
      </p>
      <h1>{t('tourism:inbox.title')}</h1>
      {d.inquiries.length === 0 ? <p className="notice">{t('tourism:inbox.none')}</p> : null}
      <ul className="order-list">
        {d.inquiries.map((q) => (
          <li key={q.id} className="card stack">
            <p>
              <span className={`badge status-${q.status === 'new' ? 'pending' : q.status === 'replied' ? 'published' : 'cancelled'}`}>
                {t(`tourism:inbox.status.${q.status}`)}
              </span>{' '}
              <strong>{q.name}</strong> → <Link to={`/${d.slug}/tourism/${q.placeSlug}`}>{q.placeName}</Link>
            </p>
            <p>
              {t('tourism:inbox.stay', { from: day(q.checkIn), to: day(q.checkOut), count: q.guests })}
              <br />
              {q.phone ? <a href={`tel:${q.phone.replace(/[^+\d]/g, '')}`}>{q.phone}</a> : null}
              {q.phone && q.email ? ' · ' : null}
              {q.email ? <a href={`mailto:${q.email}`}>{q.email}</a> : null}
              <span className="muted small"> · {formatDate(q.createdAt, locale, d.timeZone, true)}</span>
            </p>
            {q.message ? <p className="pre-line">{q.message}</p> : null}
            <Form method="post" className="actions">
              <input type="hidden" name="id" value={q.id} />
              {INQUIRY_STATUSES.filter((s) => s !== q.status).map((s) => (
                <button key={s} type="submit" name="status" value={s} className="button button-secondary">
                  {t(`tourism:inbox.mark.${s}`)}
                </button>
              ))}
            </Form>
            {q.phone || q.email ? (
              <Form method="post" className="stack">
                <input type="hidden" name="id" value={q.id} />
                <input type="hidden" name="intent" value="reply" />
                <label htmlFor={`reply-${q.id}`}>{t('tourism:inbox.reply')}</label>
                <textarea
                  id={`reply-${q.id}`}
                  name="message"
                  rows={3}
                  maxLength={1000}
                  required
                  aria-describedby={`reply-${q.id}-hint`}
                  aria-invalid={actionData?.replyError.id === q.id || undefined}
                />
                <p id={`reply-${q.id}-hint`} className="muted small">
                  {actionData?.replyError.id === q.id ? t(actionData.replyError.message) : t('tourism:inbox.replyHint')}
                </p>
                <button type="submit" className="button">
                  {t('tourism:inbox.replySend')}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
