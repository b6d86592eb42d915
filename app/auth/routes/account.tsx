import { readForm } from '~/lib/body.server.ts';
import { useT } from '~/i18n/use-t.ts';
import { data, Form, Link } from 'react-router';
import { requireUser, scopeOf } from '~/auth/guards.server.ts';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import type { Locale } from '~/i18n/config.ts';
import { env, publicOrigin } from '~/lib/env.server.ts';
import { AppError, statusOf } from '~/lib/errors.ts';
import { redirectWithFlash } from '~/lib/flash.server.ts';
import { formFailure, parseForm } from '~/lib/forms.ts';
import { consumeLimits, retryAfterFromAction, retryAfterHeaders } from '~/lib/rate-limit.server.ts';
import { clientAddress } from '~/lib/server-facts.ts';
import { listMyMemberships } from '~/members/members.server.ts';
import { localized } from '~/tenancy/commune.ts';
import { Field, FormError, SubmitButton } from '~/ui/form.tsx';
import { changePassword } from '../accounts.server.ts';
import { requestAddressChange } from '../addresses.server.ts';
import { CODE_LIFETIME_MS } from '../codes.server.ts';
import { formatPhone, maskIdentifier } from '../identity.ts';
import { verificationStatus } from '../recovery.server.ts';
import { changeAddressSchema, ChangePasswordSchema } from '../schemas.ts';
import { cookieOptionsFor, sessionCookie } from '../session.server.ts';
import { readDeviceToken } from '../throttle.server.ts';
import type { Route } from './+types/account';
import { pageMeta } from '~/ui/meta.ts';

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const locale = getLocale(context) as Locale;
  const [memberships, addresses] = await Promise.all([
    listMyMemberships({ ...scopeOf(context), userId: user.id }),
    verificationStatus({ ...scopeOf(context), userId: user.id }),
  ]);
  return {
    title: getI18n(context).t('auth:account.title'),
    displayName: user.displayName,
    email: addresses.email,
    phone: addresses.phone ? { ...addresses.phone, value: formatPhone(addresses.phone.value) } : null,
    pending: { email: addresses.pending.email, phone: addresses.pending.phone ? formatPhone(addresses.pending.phone) : null },
    isOperator: user.isOperator,
    memberships: memberships.map((m) => ({ slug: m.slug, role: m.role, name: localized(m.name, locale, m.defaultLocale as Locale).text })),
  };
}

type Intent = 'password' | 'address';

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireUser(context, request);
  const { form: formData, failure } = await readForm(request);
  if (failure) return data({ ...failure, intent: null }, { status: 400 });
  // Two forms post here; a form without `intent` is the password's (as before the address form).
  const intent: Intent = formData.get('intent') === 'address' ? 'address' : 'password';
  const scope = { ...scopeOf(context), userId: user.id };
  const client = clientAddress(context);
  try {
    if (intent === 'address') {
      const parsed = parseForm(formData, changeAddressSchema(getLocale(context)));
      if (!parsed.ok) return data({ ...parsed, intent }, { status: 400 });
      await requestAddressChange(scope, parsed.data, { client, origin: publicOrigin(request) });
      const { kind, value } = parsed.data.identifier;
      return redirectWithFlash(kind === 'phone' ? '/verify' : '/account', {
        key: kind === 'phone' ? 'auth:address.codeSent' : 'auth:address.linkSent',
        params: { address: kind === 'phone' ? formatPhone(value) : maskIdentifier(value), minutes: CODE_LIFETIME_MS / 60_000 },
        tone: 'info',
      });
    }
    const parsed = parseForm(formData, ChangePasswordSchema);
    if (!parsed.ok) return data({ ...parsed, intent }, { status: 400 });
    await consumeLimits(scopeOf(context), [{ limit: 'changePassword', key: `${user.id}|${client}` }]);
    const session = await changePassword(scope, parsed.data.currentPassword, parsed.data.newPassword, readDeviceToken(request));
    return redirectWithFlash(
      '/account',
      { key: 'auth:account.passwordChanged' },
      {
        headers: { 'Set-Cookie': sessionCookie(session.token, session.expiresAt, cookieOptionsFor(request, env.isProduction)) },
      },
    );
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // Where each form says what went wrong: a limit above the form, a wrong password under it, the rest under the address.
    const fields = { password: { password: 'currentPassword', other: 'currentPassword' }, address: { password: 'password', other: 'identifier' } }[intent];
    const field = error.code === 'too_many_requests' ? '_form' : error.messageKey === 'auth:errors.currentPasswordWrong' ? fields.password : fields.other;
    return data({ ...formFailure(formData, { [field]: error.messageKey }), intent }, { status: statusOf[error.code], headers: retryAfterHeaders(error) });
  }
}

/** A 429 says when to try again (Retry-After), on the HTML page too. */
export const headers: Route.HeadersFunction = retryAfterFromAction;

export const meta: Route.MetaFunction = (args) => pageMeta(args);

export default function Account({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const d = loaderData;
  // Each form shows its own errors (a failure without an intent, such as a body too large, shows on both).
  const errorsOf = (intent: Intent) => (actionData && (actionData.intent === intent || actionData.intent === null) ? actionData.errors : undefined);
  const valueOf = (name: string) => (actionData?.intent === 'address' && 'values' in actionData ? actionData.values?.[name] : undefined);
  return (
    <div className="stack">
      <h1>{t('auth:account.title')}</h1>
      <p>
        {d.displayName}
        {d.email ? ` · ${d.email.value}` : null}
        {d.email?.verified ? <span className="badge">{t('auth:account.verified')}</span> : null}
        {d.phone ? ` · ${d.phone.value}` : null}
        {d.phone?.verified ? <span className="badge">{t('auth:account.verified')}</span> : null}{' '}
        {d.isOperator ? <span className="badge">{t('auth:roles.operator')}</span> : null}
      </p>
      <p>
        <Link to="/account/notifications">{t('notifications:preferencesLink')}</Link>
      </p>
      {/* An unverified address with a new one waiting: only the new one is spoken of (its resend goes there). */}
      {d.email && !d.email.verified && !d.pending.email ? (
        <Form method="post" action="/verify" className="notice">
          {t('auth:account.verifyEmailPrompt', { email: d.email.value })}{' '}
          <button type="submit" name="intent" value="resend-email" className="link-button">
            {t('auth:verify.resendEmail')}
          </button>
        </Form>
      ) : null}
      {d.phone && !d.phone.verified && !d.pending.phone ? (
        <p className="notice">
          {t('auth:account.verifyPhonePrompt', { phone: d.phone.value })} <Link to="/verify">{t('auth:account.verifyPhoneGo')}</Link>
        </p>
      ) : null}
      {d.pending.email ? (
        <Form method="post" action="/verify" className="notice">
          {t('auth:address.pendingEmail', { address: d.pending.email })}{' '}
          <button type="submit" name="intent" value="resend-email" className="link-button">
            {t('auth:verify.resendEmail')}
          </button>
        </Form>
      ) : null}
      {d.pending.phone ? (
        <p className="notice">
          {t('auth:address.pendingPhone', { address: d.pending.phone })} <Link to="/verify">{t('auth:account.verifyPhoneGo')}</Link>
        </p>
      ) : null}
      {d.isOperator ? (
        <p>
          <Link to="/admin/communes/new">{t('tenancy:admin.newCommune')}</Link> · <Link to="/admin/handbook">{t('handbook:template.title')}</Link> ·{' '}
          <Link to="/admin/messages">{t('delivery:admin.title')}</Link> · <Link to="/admin/jobs">{t('jobs:title')}</Link>
        </p>
      ) : null}
      <section aria-labelledby="my-communes">
        <h2 id="my-communes">{t('auth:account.myCommunes')}</h2>
        {d.memberships.length === 0 ? <p className="muted">{t('auth:account.noCommunes')}</p> : null}
        <ul>
          {d.memberships.map((m) => (
            <li key={`${m.slug}-${m.role}`}>
              <Link to={`/${m.slug}`}>{m.name}</Link> · {t(`auth:roles.${m.role}`)}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="change-address" className="card">
        <h2 id="change-address">{t('auth:address.title')}</h2>
        <p className="muted">{t('auth:address.lead')}</p>
        <Form method="post" className="stack" noValidate>
          <FormError errors={errorsOf('address')} />
          <input type="hidden" name="intent" value="address" />
          <Field
            name="identifier"
            label={t('auth:address.identifier')}
            hint={t('auth:address.identifierHint')}
            errors={errorsOf('address')}
            defaultValue={valueOf('identifier')}
            autoComplete="off"
            required
          />
          <Field
            name="password"
            type="password"
            label={t('auth:fields.currentPassword')}
            errors={errorsOf('address')}
            autoComplete="current-password"
            required
          />
          <SubmitButton>{t('auth:address.submit')}</SubmitButton>
        </Form>
      </section>
      <section aria-labelledby="change-password" className="card">
        <h2 id="change-password">{t('auth:account.changePassword')}</h2>
        <p className="muted">{t('auth:account.changePasswordLead')}</p>
        <Form method="post" className="stack" noValidate>
          <FormError errors={errorsOf('password')} />
          <input type="hidden" name="intent" value="password" />
          <Field
            name="currentPassword"
            type="password"
            label={t('auth:fields.currentPassword')}
            errors={errorsOf('password')}
            autoComplete="current-password"
            required
          />
          <Field
            name="newPassword"
            type="password"
            label={t('auth:fields.newPassword')}
            hint={t('auth:fields.passwordHint')}
            errors={errorsOf('password')}
            autoComplete="new-password"
            required
          />
          <SubmitButton>{t('auth:account.changePasswordSubmit')}</SubmitButton>
        </Form>
      </section>
    </div>
  );
}
