import { readForm } from '~/lib/body.server.ts';
import { useT } from '~/i18n/use-t.ts';
import { data, Form, Link, redirect } from 'react-router';
import { scopeOf } from '~/auth/guards.server.ts';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import { userContext } from '~/lib/context.ts';
import { env } from '~/lib/env.server.ts';
import { AppError, statusOf } from '~/lib/errors.ts';
import { formFailure, parseForm } from '~/lib/forms.ts';
import { retryAfterFromAction, retryAfterHeaders } from '~/lib/rate-limit.server.ts';
import { clientAddress } from '~/lib/server-facts.ts';
import { Field, FormError, SubmitButton } from '~/ui/form.tsx';
import { signIn } from '../accounts.server.ts';
import { safeRedirect, signInSchema } from '../schemas.ts';
import { cookieOptionsFor, sessionCookie } from '../session.server.ts';
import { deviceCookie, readDeviceToken } from '../throttle.server.ts';
import type { Route } from './+types/login';
import { pageMeta } from '~/ui/meta.ts';

export function loader({ context, request }: Route.LoaderArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get('redirectTo'));
  if (context.get(userContext)) throw redirect(redirectTo);
  return { title: getI18n(context).t('auth:signIn.title'), redirectTo };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { form: formData, failure } = await readForm(request);
  if (failure) return data({ ...failure, waitCount: 0 }, { status: 400 });
  const parsed = parseForm(formData, signInSchema(getLocale(context)));
  if (!parsed.ok) return data({ ...parsed, waitCount: 0 }, { status: 400 });
  const to = safeRedirect(formData.get('redirectTo'));
  try {
    const session = await signIn(scopeOf(context), parsed.data, { address: clientAddress(context), deviceToken: readDeviceToken(request) });
    const options = cookieOptionsFor(request, env.isProduction);
    const headers = new Headers();
    headers.append('Set-Cookie', sessionCookie(session.token, session.expiresAt, options));
    headers.append('Set-Cookie', deviceCookie(session.deviceToken, options));
    return redirect(to, { headers });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const seconds = Number(error.details?.retryAfterSeconds ?? 0);
    // The first waits are seconds long: say so, rather than "wait 1 minute".
    const inSeconds = error.messageKey === 'auth:errors.throttled' && seconds < 60;
    return data(
      {
        ...formFailure(formData, { _form: inSeconds ? 'auth:errors.throttledSeconds' : error.messageKey }),
        waitCount: inSeconds ? seconds : Math.ceil(seconds / 60),
      },
      { status: statusOf[error.code], headers: retryAfterHeaders(error) },
    );
  }
}

/** A 429 says when to try again (Retry-After), on the HTML page too. */
export const headers: Route.HeadersFunction = retryAfterFromAction;

export const meta: Route.MetaFunction = (args) => pageMeta(args);

export default function SignIn({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const errors = actionData?.errors;
  return (
    <section className="card">
      <h1>{t('auth:signIn.title')}</h1>
      <Form method="post" className="stack" noValidate>
        <FormError errors={errors} params={{ count: actionData?.waitCount ?? 0 }} />
        <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
        <Field
          name="identifier"
          label={t('auth:fields.identifier')}
          defaultValue={actionData?.values.identifier}
          errors={errors}
          autoComplete="username"
          required
        />
        <Field name="password" type="password" label={t('auth:fields.password')} errors={errors} autoComplete="current-password" required />
        <SubmitButton>{t('auth:signIn.submit')}</SubmitButton>
      </Form>
      <p>
        <Link to="/reset-password">{t('auth:signIn.forgot')}</Link>
      </p>
      <p>
        {t('auth:signIn.noAccount')} <Link to={`/signup?redirectTo=${encodeURIComponent(loaderData.redirectTo)}`}>{t('auth:signUp.title')}</Link>
      </p>
    </section>
  );
}
