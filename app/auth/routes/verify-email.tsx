import { Link } from 'react-router';
import { scopeOf } from '~/auth/guards.server.ts';
import { getI18n } from '~/i18n/translator.server.ts';
import { useT } from '~/i18n/use-t.ts';
import { redirectWithFlash } from '~/lib/flash.server.ts';
import { data } from 'react-router';
import { verifyEmailToken } from '../recovery.server.ts';
import type { Route } from './+types/verify-email';

/**
 * The link in the verification mail. Opening it verifies the address (the token works once; a
 * mail scanner that opens it first only does what the person wanted), then goes to the account.
 */
export async function loader({ context, params }: Route.LoaderArgs) {
  if (await verifyEmailToken(scopeOf(context), params.token)) {
    throw await redirectWithFlash('/account', { key: 'auth:verify.emailDone', tone: 'success' });
  }
  return data({ title: getI18n(context).t('auth:verify.title') }, { status: 410 });
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData?.title ?? ''} · Baan` }];

export default function VerifyEmail() {
  const { t } = useT();
  return (
    <section className="card stack">
      <h1>{t('auth:messages.verifyEmail.action')}</h1>
      <p className="notice">{t('auth:verify.emailDead')}</p>
      <p>
        <Link to="/account">{t('auth:account.title')}</Link>
      </p>
    </section>
  );
}
