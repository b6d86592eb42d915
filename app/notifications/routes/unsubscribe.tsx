import { data, Form } from 'react-router';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import type { Locale } from '~/i18n/config.ts';
import { useT } from '~/i18n/use-t.ts';
import { databaseContext } from '~/lib/context.ts';
import { unsubscribe, unsubscribeKind } from '../inbox.server.ts';
import { unsubscribeTokenSchema } from '../schemas.ts';
import { kindLabel } from '../texts.server.ts';
import type { Route } from './+types/unsubscribe';
import { pageMeta } from '~/ui/meta.ts';

// No account needed: the token from the mail is the only key. GET only asks (a link scanner
// that follows it changes nothing); POST turns the kind off, from the page's button or from a
// mail client's one-click request (RFC 8058, let through the cross-site check for this path only:
// app/lib/security.server.ts isOneClickUnsubscribe).

export async function loader({ context, params }: Route.LoaderArgs) {
  const locale = getLocale(context) as Locale;
  const title = getI18n(context).t('notifications:unsubscribe.title');
  const token = unsubscribeTokenSchema.safeParse(params.token);
  const kind = token.success ? await unsubscribeKind(context.get(databaseContext).db, token.data) : null;
  if (!kind) return data({ title, kind: null, done: false }, { status: 404, headers: { 'Cache-Control': 'private, no-store' } });
  return data({ title, kind: kindLabel(kind, locale), done: false }, { headers: { 'Cache-Control': 'private, no-store' } });
}

export async function action({ context, params }: Route.ActionArgs) {
  const locale = getLocale(context) as Locale;
  const title = getI18n(context).t('notifications:unsubscribe.title');
  const token = unsubscribeTokenSchema.safeParse(params.token);
  const kind = token.success ? await unsubscribe(context.get(databaseContext).db, token.data) : null;
  if (!kind) return data({ title, kind: null, done: false }, { status: 404, headers: { 'Cache-Control': 'private, no-store' } });
  return data({ title, kind: kindLabel(kind, locale), done: true }, { headers: { 'Cache-Control': 'private, no-store' } });
}

export const headers: Route.HeadersFunction = ({ actionHeaders, loaderHeaders }) => (actionHeaders.has('Cache-Control') ? actionHeaders : loaderHeaders);

export const meta: Route.MetaFunction = (args) => pageMeta(args, { noindex: true });

export default function Unsubscribe({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const d = actionData ?? loaderData;
  return (
    <div className="stack">
      <h1>{t('notifications:unsubscribe.title')}</h1>
      {!d.kind ? (
        <p className="notice">{t('notifications:unsubscribe.invalid')}</p>
      ) : d.done ? (
        <p className="notice" role="status">
          {t('notifications:unsubscribe.done')}
        </p>
      ) : (
        <Form method="post" className="stack">
          <p>{t('notifications:unsubscribe.ask', { kind: d.kind })}</p>
          <button type="submit" className="button">
            {t('notifications:unsubscribe.button')}
          </button>
        </Form>
      )}
    </div>
  );
}
