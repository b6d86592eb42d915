import { Link } from 'react-router';
import { useT } from '~/i18n/use-t.ts';
import { formatDate } from '~/i18n/format.ts';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import { databaseContext } from '~/lib/context.ts';
import { keptMessages } from '~/delivery/admin.server.ts';
import { requireDevMailbox } from '~/delivery/dev-mailbox.server.ts';
import type { Route } from './+types/dev-mail';
import { pageMeta } from '~/ui/meta.ts';

/** The messages kept instead of sent (no SMTP_URL / SMS_GATEWAY_URL), newest first. */
export async function loader({ context, request }: Route.LoaderArgs) {
  requireDevMailbox(context, request);
  const locale = getLocale(context);
  const messages = await keptMessages(context.get(databaseContext).db);
  return {
    title: getI18n(context).t('delivery:dev.title'),
    messages: messages.map((m) => ({
      id: m.id,
      channel: m.channel,
      to: m.to,
      subject: m.subject,
      created: `${formatDate(m.createdAt, locale, 'UTC', true)} UTC`,
    })),
  };
}

export const meta: Route.MetaFunction = (args) => pageMeta(args, { noindex: true });

export default function DevMail({ loaderData: d }: Route.ComponentProps) {
  const { t } = useT();
  return (
    <div className="stack">
      <h1>{t('delivery:dev.title')}</h1>
      <p className="muted">{t('delivery:dev.lead')}</p>
      {d.messages.length === 0 ? (
        <p>{t('delivery:dev.empty')}</p>
      ) : (
        <ul className="order-list">
          {d.messages.map((m) => (
            <li key={m.id} className="card">
              <p>
                <Link to={`/dev/mail/${m.id}`}>
                  <strong>{m.subject ?? t(`delivery:channel.${m.channel}`)}</strong>
                </Link>
              </p>
              <p className="muted small">
                {t(`delivery:channel.${m.channel}`)} · {t('delivery:dev.to')}: {m.to} · {m.created}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
