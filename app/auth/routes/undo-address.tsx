import { data, Form, Link } from 'react-router';
import { scopeOf } from '~/auth/guards.server.ts';
import { getI18n } from '~/i18n/translator.server.ts';
import { useT } from '~/i18n/use-t.ts';
import { env } from '~/lib/env.server.ts';
import { redirectWithFlash } from '~/lib/flash.server.ts';
import { SubmitButton } from '~/ui/form.tsx';
import { undoAddressChange, undoLinkIsLive } from '../addresses.server.ts';
import { formatPhone, maskIdentifier } from '../identity.ts';
import { blankSessionCookie, cookieOptionsFor } from '../session.server.ts';
import type { Route } from './+types/undo-address';
import { pageMeta } from '~/ui/meta.ts';

/**
 * The link in the notice sent to an account's old (or other) verified address when its sign-in
 * address changed: for 7 days it undoes the change (app/auth/addresses.server.ts). GET only asks
 * (a mail scanner opening it changes nothing); POST restores the address, signs everyone out
 * and goes straight to choosing a new password. No sign-in: whoever changed it may hold the account.
 */
export async function loader({ context, params }: Route.LoaderArgs) {
  const title = getI18n(context).t('auth:address.undoTitle');
  const undo = await undoLinkIsLive(scopeOf(context), params.token);
  if (!undo) return data({ title, live: false as const, added: false, address: null }, { status: 410, headers: { 'Cache-Control': 'private, no-store' } });
  const address = undo.address ? (undo.kind === 'phone' ? formatPhone(undo.address) : maskIdentifier(undo.address)) : null;
  return data({ title, live: true as const, added: !undo.address, address }, { headers: { 'Cache-Control': 'private, no-store' } });
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const outcome = await undoAddressChange(scopeOf(context), params.token);
  const title = getI18n(context).t('auth:address.undoTitle');
  if (!outcome.ok) {
    return data(
      { title, live: false as const, added: false, address: null, taken: outcome.reason === 'taken' },
      { status: outcome.reason === 'taken' ? 409 : 410 },
    );
  }
  // Every session of the account has ended: this browser's cookie too.
  return redirectWithFlash(
    `/reset-password/${outcome.resetToken}`,
    { key: 'auth:address.undone', tone: 'success' },
    { headers: { 'Set-Cookie': blankSessionCookie(cookieOptionsFor(request, env.isProduction)) } },
  );
}

export const meta: Route.MetaFunction = (args) => pageMeta(args, { noindex: true });

export default function UndoAddress({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const d = actionData ?? loaderData;
  return (
    <section className="card stack">
      <h1>{t('auth:address.undoTitle')}</h1>
      {d.live ? (
        <Form method="post" className="stack">
          <p>{d.added ? t('auth:address.undoAdded') : t('auth:address.undoChanged', { address: d.address })}</p>
          <SubmitButton>{t('auth:address.undoSubmit')}</SubmitButton>
        </Form>
      ) : (
        <>
          <p className="notice">{t('taken' in d && d.taken ? 'auth:address.taken' : 'auth:address.undoDead')}</p>
          <p>
            <Link to="/login">{t('auth:signIn.title')}</Link>
          </p>
        </>
      )}
    </section>
  );
}
