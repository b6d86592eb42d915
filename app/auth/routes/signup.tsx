import { readForm } from '~/lib/body.server.ts';
import { useT } from '~/i18n/use-t.ts';
import { data, Form, Link, redirect } from 'react-router';
import { scopeOf } from '~/auth/guards.server.ts';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import { env, publicOrigin } from '~/lib/env.server.ts';
import { AppError, statusOf } from '~/lib/errors.ts';
import { formFailure, parseForm } from '~/lib/forms.ts';
import { consumeLimits, retryAfterFromAction, retryAfterHeaders } from '~/lib/rate-limit.server.ts';
import { clientAddress } from '~/lib/server-facts.ts';
import { userContext } from '~/lib/context.ts';
import { Field, FormError, SubmitButton } from '~/ui/form.tsx';
import { signUp } from '../accounts.server.ts';
import { safeRedirect, signUpSchema } from '../schemas.ts';
import { cookieOptionsFor, sessionCookie } from '../session.server.ts';
import { deviceCookie } from '../throttle.server.ts';
import type { Route } from './+types/signup';
import { pageMeta } from '~/ui/meta.ts';

export function loader({ context, request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const redirectTo = safeRedirect(url.searchParams.get('redirectTo'));
  if (context.get(userContext)) throw redirect(redirectTo);
  return { title: getI18n(context).t('auth:signUp.title'), redirectTo, identifier: url.searchParams.get('identifier')?.slice(0, 254) ?? '' };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { form: formData, failure } = await readForm(request);
  if (failure) return data(failure, { status: 400 });
  const parsed = parseForm(formData, signUpSchema(getLocale(context)));
  if (!parsed.ok) return data(parsed, { status: 400 });
  // Everything that can fail is settled before the account is written: the destination is a
  // plain on-site path (safeRedirect never yields a value a Location header cannot carry).
  const to = safeRedirect(formData.get('redirectTo'));
  try {
    await consumeLimits(scopeOf(context), [{ limit: 'signUp', key: clientAddress(context) }]);
    const session = await signUp(scopeOf(context), parsed.data, getLocale(context), publicOrigin(request));
    const options = cookieOptionsFor(request, env.isProduction);
    const headers = new Headers();
    headers.append('Set-Cookie', sessionCookie(session.token, session.expiresAt, options));
    headers.append('Set-Cookie', deviceCookie(session.deviceToken, options));
    // A phone number is verified with the SMS code right away; an e-mail address by its link, whenever it comes.
    return redirect(parsed.data.identifier.kind === 'phone' ? `/verify?redirectTo=${encodeURIComponent(to)}` : to, { headers });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const field = error.code === 'too_many_requests' ? '_form' : 'identifier';
    return data(formFailure(formData, { [field]: error.messageKey }), { status: statusOf[error.code], headers: retryAfterHeaders(error) });
  }
}

/** A 429 says when to try again (Retry-After), on the HTML page too. */
export const headers: Route.HeadersFunction = retryAfterFromAction;

export const meta: Route.MetaFunction = (args) => pageMeta(args);

export default function SignUp({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const values = actionData?.values ?? { identifier: loaderData.identifier };
  const errors = actionData?.errors;
  return (
    <section className="card">
      <h1>{t('auth:signUp.title')}</h1>
      <p className="muted">{t('auth:signUp.lead')}</p>
      <Form method="post" className="stack" noValidate>
        <FormError errors={errors} />
        <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
        <Field
          name="displayName"
          label={t('auth:fields.displayName')}
          defaultValue={values.displayName}
          errors={errors}
          autoComplete="name"
          required
          maxLength={80}
        />
        <Field
          name="identifier"
          label={t('auth:fields.identifier')}
          hint={t('auth:fields.identifierHint')}
          defaultValue={values.identifier}
          errors={errors}
          autoComplete="username"
          required
        />
        <Field
          name="password"
          type="password"
          label={t('auth:fields.password')}
          hint={t('auth:fields.passwordHint')}
          errors={errors}
          autoComplete="new-password"
          required
        />
        <SubmitButton>{t('auth:signUp.submit')}</SubmitButton>
      </Form>
      <p>
        {t('auth:signUp.haveAccount')} <Link to={`/login?redirectTo=${encodeURIComponent(loaderData.redirectTo)}`}>{t('auth:signIn.title')}</Link>
      </p>
    </section>
  );
}
