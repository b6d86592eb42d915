import { data, Form, Link, redirect } from 'react-router';
import { requireUser, scopeOf } from '~/auth/guards.server.ts';
import { getI18n } from '~/i18n/translator.server.ts';
import { useT } from '~/i18n/use-t.ts';
import { userContext } from '~/lib/context.ts';
import { publicOrigin } from '~/lib/env.server.ts';
import { redirectWithFlash } from '~/lib/flash.server.ts';
import { SubmitButton } from '~/ui/form.tsx';
import { confirmEmailChange, openEmailLink, verificationStatus } from '../recovery.server.ts';
import type { Route } from './+types/verify-email';
import { pageMeta } from '~/ui/meta.ts';

/**
 * The link in a verification mail. For the account's own address, opening it verifies it (the
 * token works once; a mail scanner that opens it first only does what the person wanted), then
 * goes to the account. For a new address the account asked for, opening it only asks: the change
 * is made by the account's owner, signed in, with the button (a link that reached a stranger's
 * mailbox, or their scanner, changes nothing).
 */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const title = getI18n(context).t('auth:verify.title');
  const link = await openEmailLink(scopeOf(context), params.token);
  if (link.state === 'verified') throw await redirectWithFlash('/account', { key: 'auth:verify.emailDone', tone: 'success' });
  if (link.state === 'dead') return data({ title, state: 'dead' as const, address: null }, { status: 410 });
  const user = context.get(userContext);
  if (!user) throw redirect(`/login?redirectTo=${encodeURIComponent(new URL(request.url).pathname)}`);
  if (user.id !== link.userId) return data({ title, state: 'other' as const, address: null }, { status: 403 });
  return data({ title, state: 'confirm' as const, address: link.address }, { headers: { 'Cache-Control': 'private, no-store' } });
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  const outcome = await confirmEmailChange({ ...scopeOf(context), userId: user.id }, params.token, publicOrigin(request));
  if (outcome === 'changed') {
    const { email } = await verificationStatus({ ...scopeOf(context), userId: user.id });
    return redirectWithFlash('/account', { key: 'auth:address.emailChanged', params: { address: email?.value ?? '' }, tone: 'success' });
  }
  const title = getI18n(context).t('auth:verify.title');
  return data({ title, state: outcome === 'taken' ? ('taken' as const) : ('dead' as const), address: null }, { status: outcome === 'taken' ? 409 : 410 });
}

export const meta: Route.MetaFunction = (args) => pageMeta(args, { noindex: true });

export default function VerifyEmail({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const d = actionData ?? loaderData;
  if (d.state === 'confirm') {
    return (
      <section className="card stack">
        <h1>{t('auth:address.confirmTitle')}</h1>
        <p>{t('auth:address.confirmLead', { address: d.address })}</p>
        <Form method="post">
          <SubmitButton>{t('auth:address.confirmSubmit')}</SubmitButton>
        </Form>
      </section>
    );
  }
  const notice = d.state === 'other' ? 'auth:address.otherAccount' : d.state === 'taken' ? 'auth:address.taken' : 'auth:verify.emailDead';
  return (
    <section className="card stack">
      <h1>{t('auth:messages.verifyEmail.action')}</h1>
      <p className="notice">{t(notice)}</p>
      <p>
        <Link to="/account">{t('auth:account.title')}</Link>
      </p>
    </section>
  );
}
