import { Fragment } from 'react';
import { Link } from 'react-router';
import { z } from 'zod';
import { useT } from '~/i18n/use-t.ts';
import { formatDate } from '~/i18n/format.ts';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import { databaseContext } from '~/lib/context.ts';
import { notFound } from '~/lib/errors.ts';
import { keptMessage } from '~/delivery/admin.server.ts';
import { requireDevMailbox } from '~/delivery/dev-mailbox.server.ts';
import type { Route } from './+types/dev-mail-message';
import { pageMeta } from '~/ui/meta.ts';

/** One kept message: its HTML part in a sandboxed frame (no scripts, no same origin), its text part and headers. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireDevMailbox(context, request);
  const id = z.uuid().safeParse(params.id);
  if (!id.success) notFound();
  const message = await keptMessage(context.get(databaseContext).db, id.data);
  if (!message) notFound();
  return {
    title: message.subject ?? getI18n(context).t(`delivery:channel.${message.channel}`),
    message: {
      channel: message.channel,
      to: message.to,
      subject: message.subject,
      body: message.body ?? '',
      html: message.html,
      headers: Object.entries(message.headers ?? {}),
      created: `${formatDate(message.createdAt, getLocale(context), 'UTC', true)} UTC`,
    },
  };
}

export const meta: Route.MetaFunction = (args) => pageMeta(args, { noindex: true });

export default function DevMailMessage({ loaderData: { title, message: m } }: Route.ComponentProps) {
  const { t } = useT();
  return (
    <div className="stack">
      <p>
        <Link to="/dev/mail">← {t('delivery:dev.back')}</Link>
      </p>
      <h1>{title}</h1>
      <p className="muted small">
        {t(`delivery:channel.${m.channel}`)} · {t('delivery:dev.to')}: {m.to} · {m.created}
      </p>
      {m.headers.length ? (
        <section aria-labelledby="headers-heading">
          <h2 id="headers-heading">{t('delivery:dev.headers')}</h2>
          <dl className="facts">
            {m.headers.map(([name, value]) => (
              <Fragment key={name}>
                <dt>{name}</dt>
                <dd>
                  <code>{value}</code>
                </dd>
              </Fragment>
            ))}
          </dl>
        </section>
      ) : null}
      {m.html ? (
        <section aria-labelledby="html-heading">
          <h2 id="html-heading">{t('delivery:dev.htmlPart')}</h2>
          <iframe title={t('delivery:dev.previewTitle')} sandbox="" srcDoc={m.html} style={{ width: '100%', height: '32rem', border: '1px solid #ccc' }} />
        </section>
      ) : null}
      <section aria-labelledby="text-heading">
        <h2 id="text-heading">{t('delivery:dev.textPart')}</h2>
        <pre className="pre-line" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {m.body}
        </pre>
      </section>
    </div>
  );
}
