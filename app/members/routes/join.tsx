import { useT } from '~/i18n/use-t.ts';
import { data, Form, Link } from 'react-router';
import { requireCommune, requireUser, scopeOf } from '~/auth/guards.server.ts';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import type { Locale } from '~/i18n/config.ts';
import { userContext } from '~/lib/context.ts';
import { AppError, notFound, statusOf } from '~/lib/errors.ts';
import { redirectWithFlash } from '~/lib/flash.server.ts';
import { localized } from '~/tenancy/commune.ts';
import { SubmitButton } from '~/ui/form.tsx';
import { verificationStatus } from '~/auth/recovery.server.ts';
import { acceptInvitation, getInvitationByToken, invitationMatch, maskAddress } from '../members.server.ts';
import type { Route } from './+types/join';
import { pageMeta } from '~/ui/meta.ts';

/**
 * The page behind an invitation link. Whoever holds the link may not be the invitee, so the
 * invited address is never shown in full (only a masked hint) nor handed to the sign-up form.
 */
export async function loader({ context, params }: Route.LoaderArgs) {
  const commune = requireCommune(context);
  const invitation = await getInvitationByToken({ ...scopeOf(context), tenantId: commune.id }, params.token);
  if (!invitation) notFound();
  const user = context.get(userContext);
  const locale = getLocale(context) as Locale;
  // Whether the signed-in account holds the invited address, and has verified it (only then can it accept).
  const addresses = user ? await verificationStatus({ ...scopeOf(context), userId: user.id }) : null;
  const match = addresses
    ? invitationMatch(invitation, {
        email: addresses.email?.value ?? null,
        phone: addresses.phone?.value ?? null,
        emailVerifiedAt: addresses.email?.verified ? new Date(0) : null,
        phoneVerifiedAt: addresses.phone?.verified ? new Date(0) : null,
      })
    : 'other';
  return {
    title: getI18n(context).t('auth:join.title'),
    commune: localized(commune.name, locale, commune.defaultLocale).text,
    slug: commune.slug,
    role: invitation.role,
    status: invitation.status,
    invitedBy: invitation.invitedBy,
    hint: maskAddress(invitation.address),
    signedIn: Boolean(user),
    isInvitee: match !== 'other',
    mustVerify: match === 'unverified' ? (invitation.email ? 'email' : 'phone') : null,
    acceptedByMe: Boolean(user && invitation.acceptedBy === user.id),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const commune = requireCommune(context);
  const user = requireUser(context, request);
  try {
    await acceptInvitation({ ...scopeOf(context), tenantId: commune.id, userId: user.id }, params.token);
    return redirectWithFlash(`/${commune.slug}/join/${params.token}`, { key: 'auth:join.acceptedFlash', tone: 'success' });
  } catch (error) {
    if (error instanceof AppError) return data({ error: error.messageKey, email: String(error.details?.email ?? '') }, { status: statusOf[error.code] });
    throw error;
  }
}

export const meta: Route.MetaFunction = (args) => pageMeta(args, { noindex: true });

export default function Join({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useT();
  const d = loaderData;
  const here = `/${d.slug}/join/${params.token}`;
  const role = t(`auth:roles.${d.role}`);
  return (
    <section className="card stack">
      <h1>{t('auth:join.title')}</h1>
      <p>{t('auth:join.lead', { name: d.invitedBy, commune: d.commune, role })}</p>
      {actionData?.error ? (
        <p className="form-error" role="alert">
          {t(actionData.error, { email: actionData.email })}{' '}
          {actionData.error === 'auth:join.verifyFirst' ? (
            <Link to={`/account?redirectTo=${encodeURIComponent(here)}`}>{t('auth:verify.goVerify')}</Link>
          ) : null}
        </p>
      ) : null}
      {d.status === 'awaiting' && d.acceptedByMe ? (
        <p className="notice" data-status="awaiting">
          {t('auth:join.awaitingYou', { name: d.invitedBy, commune: d.commune, role })}
        </p>
      ) : d.status === 'confirmed' && d.acceptedByMe ? (
        <>
          <p className="notice" data-status="confirmed">
            {t(`auth:join.welcome_${d.role}`)}
          </p>
          <p>
            <Link className="button" to={`/${d.slug}`}>
              {d.commune}
            </Link>
          </p>
        </>
      ) : d.status !== 'pending' ? (
        <p className="notice" data-status={d.status}>
          {t(`auth:join.status.${d.status}`)}
        </p>
      ) : d.signedIn ? (
        d.mustVerify ? (
          <p className="notice">
            {t('auth:join.verifyFirst', { email: d.hint })}{' '}
            <Link to={d.mustVerify === 'phone' ? `/verify?redirectTo=${encodeURIComponent(here)}` : '/account'}>{t('auth:verify.goVerify')}</Link>
          </p>
        ) : d.isInvitee ? (
          <Form method="post" className="stack">
            <p>{t('auth:join.confirmationNeeded')}</p>
            <SubmitButton>{t('auth:join.accept', { role })}</SubmitButton>
          </Form>
        ) : (
          <p className="notice">{t('auth:join.wrongAccount', { email: d.hint })}</p>
        )
      ) : (
        <>
          <p>{t('auth:join.signInFirst', { email: d.hint })}</p>
          <p>
            <Link className="button" to={`/signup?redirectTo=${encodeURIComponent(here)}`}>
              {t('auth:signUp.title')}
            </Link>{' '}
            <Link className="button button-secondary" to={`/login?redirectTo=${encodeURIComponent(here)}`}>
              {t('auth:signIn.title')}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
