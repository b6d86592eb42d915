import { data, Form } from 'react-router';
import { requireUser, scopeOf } from '~/auth/guards.server.ts';
import { getI18n } from '~/i18n/translator.server.ts';
import { useT } from '~/i18n/use-t.ts';
import { readForm } from '~/lib/body.server.ts';
import { publicOrigin } from '~/lib/env.server.ts';
import { AppError, statusOf } from '~/lib/errors.ts';
import { redirectWithFlash } from '~/lib/flash.server.ts';
import { formFailure, parseForm } from '~/lib/forms.ts';
import { retryAfterFromAction, retryAfterHeaders } from '~/lib/rate-limit.server.ts';
import { clientAddress } from '~/lib/server-facts.ts';
import { Field, FormError, SubmitButton } from '~/ui/form.tsx';
import { formatPhone } from '../identity.ts';
import { resendVerification, verificationStatus, verifyPhoneCode } from '../recovery.server.ts';
import { safeRedirect, VerifyPhoneSchema } from '../schemas.ts';
import type { Route } from './+types/verify';
import { pageMeta } from '~/ui/meta.ts';

/** The signed-in person types the SMS code that proves their phone number; or asks for a new code or e-mail link. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  // A new number asked for on /account waits for its code here; else the account's own.
  const { phone, pending } = await verificationStatus({ ...scopeOf(context), userId: user.id });
  const number = pending.phone ?? (phone && !phone.verified ? phone.value : null);
  return {
    title: getI18n(context).t('auth:verify.title'),
    phone: number ? formatPhone(number) : null,
    redirectTo: safeRedirect(new URL(request.url).searchParams.get('redirectTo'), '/account'),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireUser(context, request);
  const { form: formData, failure } = await readForm(request);
  if (failure) return data(failure, { status: 400 });
  const scope = { ...scopeOf(context), userId: user.id };
  const to = safeRedirect(formData.get('redirectTo'), '/account');
  const intent = formData.get('intent');
  try {
    if (intent === 'resend-phone' || intent === 'resend-email') {
      await resendVerification(scope, intent === 'resend-phone' ? 'phone' : 'email', publicOrigin(request));
      return redirectWithFlash(intent === 'resend-phone' ? `/verify?redirectTo=${encodeURIComponent(to)}` : '/account', {
        key: 'auth:verify.sent',
        tone: 'info',
      });
    }
    const parsed = parseForm(formData, VerifyPhoneSchema);
    if (!parsed.ok) return data(parsed, { status: 400 });
    await verifyPhoneCode(scope, parsed.data.code, clientAddress(context), publicOrigin(request));
    return redirectWithFlash(to, { key: 'auth:verify.phoneDone', tone: 'success' });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const field = error.messageKey === 'auth:errors.codeWrong' ? 'code' : '_form';
    // (A number another account took meanwhile is said above the form: `auth:errors.phoneTaken`.)
    return data(formFailure(formData, { [field]: error.messageKey }), { status: statusOf[error.code], headers: retryAfterHeaders(error) });
  }
}

export const headers: Route.HeadersFunction = retryAfterFromAction;

export const meta: Route.MetaFunction = (args) => pageMeta(args);

export default function Verify({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const errors = actionData?.errors;
  if (!loaderData.phone) {
    return (
      <section className="card stack">
        <h1>{t('auth:verify.title')}</h1>
        <p className="notice">{t('auth:verify.noPhone')}</p>
      </section>
    );
  }
  return (
    <section className="card stack">
      <h1>{t('auth:verify.title')}</h1>
      <p className="muted">{t('auth:verify.lead', { phone: loaderData.phone })}</p>
      <Form method="post" className="stack" noValidate>
        <FormError errors={errors} />
        <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
        <Field name="code" label={t('auth:fields.code')} errors={errors} inputMode="numeric" autoComplete="one-time-code" required maxLength={12} />
        <SubmitButton>{t('auth:verify.submit')}</SubmitButton>
      </Form>
      <Form method="post">
        <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
        <button type="submit" name="intent" value="resend-phone" className="link-button">
          {t('auth:verify.resendPhone')}
        </button>
      </Form>
    </section>
  );
}
