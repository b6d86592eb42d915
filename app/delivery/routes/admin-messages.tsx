import { Form, Link } from 'react-router';
import { useT } from '~/i18n/use-t.ts';
import { requirePlatformPermission } from '~/auth/guards.server.ts';
import { formatDate } from '~/i18n/format.ts';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import { databaseContext } from '~/lib/context.ts';
import { ScrollTable } from '~/ui/scroll-table.tsx';
import { deliveryCounts, messagesTo, recentFailures, type ChannelCounts, type MessageSummary } from '~/delivery/admin.server.ts';
import type { Route } from './+types/admin-messages';
import { pageMeta } from '~/ui/meta.ts';

/** The operator's view of delivery health: counts per channel, recent failures, search by address. */
export async function loader({ context, request }: Route.LoaderArgs) {
  requirePlatformPermission({ context, request }, 'messages.view');
  const db = context.get(databaseContext).db;
  const locale = getLocale(context);
  const typed = (new URL(request.url).searchParams.get('q') ?? '').trim();
  const tooLong = typed.length > 200;
  const q = tooLong ? '' : typed;
  const [counts, failures, found] = await Promise.all([deliveryCounts(db), recentFailures(db), q ? messagesTo(db, q) : Promise.resolve(null)]);
  const show = (m: MessageSummary) => ({
    id: m.id,
    channel: m.channel,
    to: m.to,
    subject: m.subject,
    status: m.status,
    providerAnswer: m.providerAnswer,
    attempts: m.attempts,
    jobId: m.jobId,
    when: `${formatDate(m.updatedAt, locale, 'UTC', true)} UTC`,
  });
  return {
    title: getI18n(context).t('delivery:admin.title'),
    counts,
    failures: failures.map(show),
    q: tooLong ? typed.slice(0, 200) : q,
    tooLong,
    found: found?.map(show) ?? null,
  };
}

export const meta: Route.MetaFunction = (args) => pageMeta(args);

type Shown = Route.ComponentProps['loaderData']['failures'][number];

function CountsTable({ caption, rows }: { caption: string; rows: ChannelCounts[] }) {
  const { t } = useT();
  return (
    <ScrollTable label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('delivery:admin.channel')}</th>
            <th scope="col">{t('delivery:status.sent')}</th>
            <th scope="col">{t('delivery:status.failed')}</th>
            <th scope="col">{t('delivery:status.bounced')}</th>
            <th scope="col">{t('delivery:status.suppressed')}</th>
            <th scope="col">{t('delivery:status.kept')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.channel}>
              <th scope="row">{t(`delivery:channel.${r.channel}`)}</th>
              <td>{r.sent}</td>
              <td>{r.failed}</td>
              <td>{r.bounced}</td>
              <td>{r.suppressed}</td>
              <td>{r.kept}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

function MessageList({ messages }: { messages: Shown[] }) {
  const { t } = useT();
  return (
    <ul className="order-list">
      {messages.map((m) => (
        <li key={m.id} className="card stack">
          <p>
            <strong>{m.to}</strong> <span className="badge">{t(`delivery:status.${m.status}`)}</span>{' '}
            <span className="muted small">{t(`delivery:channel.${m.channel}`)}</span>
          </p>
          {m.subject ? <p>{m.subject}</p> : null}
          <dl className="facts">
            <dt>{t('delivery:admin.when')}</dt>
            <dd>{m.when}</dd>
            <dt>{t('delivery:admin.attempts')}</dt>
            <dd>{m.attempts}</dd>
            {m.providerAnswer ? (
              <>
                <dt>{t('delivery:admin.answer')}</dt>
                <dd className="pre-line">{m.providerAnswer}</dd>
              </>
            ) : null}
            {m.jobId ? (
              <>
                <dt>{t('delivery:admin.job')}</dt>
                <dd>
                  <code>{m.jobId}</code>
                </dd>
              </>
            ) : null}
          </dl>
          {m.status === 'kept' ? <Link to={`/dev/mail/${m.id}`}>{t('delivery:dev.open')}</Link> : null}
        </li>
      ))}
    </ul>
  );
}

export default function AdminMessages({ loaderData: d }: Route.ComponentProps) {
  const { t } = useT();
  return (
    <div className="stack">
      <h1>{t('delivery:admin.title')}</h1>
      <p className="muted">{t('delivery:admin.lead')}</p>

      <section className="stack" aria-labelledby="counts-heading">
        <h2 id="counts-heading">{t('delivery:admin.counts')}</h2>
        <CountsTable caption={t('delivery:admin.last24h')} rows={d.counts.last24h} />
        <CountsTable caption={t('delivery:admin.last7d')} rows={d.counts.last7d} />
      </section>

      <section className="stack" aria-labelledby="search-heading">
        <h2 id="search-heading">{t('delivery:admin.searchLabel')}</h2>
        <Form method="get" action="/admin/messages" role="search" className="search" aria-labelledby="search-heading">
          <label htmlFor="message-search" className="visually-hidden">
            {t('delivery:admin.searchLabel')}
          </label>
          <input
            id="message-search"
            type="search"
            name="q"
            defaultValue={d.q}
            maxLength={200}
            autoComplete="off"
            aria-invalid={d.tooLong || undefined}
            aria-describedby={d.tooLong ? 'message-search-error' : undefined}
          />
          <button type="submit" className="button">
            {t('delivery:admin.searchButton')}
          </button>
        </Form>
        {d.tooLong ? (
          <p id="message-search-error" className="error" role="alert">
            {t('delivery:errors.searchTooLong')}
          </p>
        ) : null}
        {d.found ? (
          <>
            <h3>{t('delivery:admin.searchResults', { q: d.q })}</h3>
            {d.found.length ? <MessageList messages={d.found} /> : <p className="muted">{t('delivery:admin.noResults')}</p>}
          </>
        ) : null}
      </section>

      <section className="stack" aria-labelledby="failures-heading">
        <h2 id="failures-heading">{t('delivery:admin.failures')}</h2>
        {d.failures.length ? <MessageList messages={d.failures} /> : <p className="muted">{t('delivery:admin.noFailures')}</p>}
      </section>
    </div>
  );
}
