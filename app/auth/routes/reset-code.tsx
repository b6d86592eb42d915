import { data, Form } from 'react-router';
import { scopeOf } from '~/auth/guards.server.ts';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import { useT } from '~/i18n/use-t.ts';
import { readForm } from '~/lib/body.server.ts';
import { AppError, statusOf } from '~/lib/errors.ts';
import { redirectWithFlash } from '~/lib/flash.server.ts';
import { formFailure, parseForm } from '~/lib/forms.ts';
import { retryAfterFromAction, retryAfterHeaders } from '~/lib/rate-limit.server.ts';
import { clientAddress } from '~/lib/server-facts.ts';
import { Field, FormError, SubmitButton } from '~/ui/form.tsx';
import { resetPasswordWithCode } from '../recovery.server.ts';
import { resetWithCodeSchema } from '../schemas.ts';
import type { Route } from './+types/reset-code';
import { pageMeta } from '~/ui/meta.ts';

export function loader({ context, request }: Route.LoaderArgs) {
  return { title: getI18n(context).t('auth:reset.codeTitle'), identifier: new URL(request.url).searchParams.get('identifier')?.slice(0, 254) ?? '' };
}

/** A code from an SMS (6 digits) or from an official (8 digits): the password is set, every session ends, then sign in. */
export async function action({ request, context }: Route.ActionArgs) {
  const { form: formData, failure } = await readForm(request);
  if (failure) return data(failure, { status: 400 });
  const parsed = parseForm(formData, resetWithCodeSchema(getLocale(context)));
  if (!parsed.ok) return data(parsed, { status: 400 });
  try {
    await resetPasswordWithCode(scopeOf(context), parsed.data, clientAddress(context));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const field = error.code === 'too_many_requests' ? '_form' : 'code';
    return data(formFailure(formData, { [field]: error.messageKey }), { status: statusOf[error.code], headers: retryAfterHeaders(error) });
  }
  return redirectWithFlash('/login', { key: 'auth:reset.done', tone: 'success' });
}

export const headers: Route.HeadersFunction = retryAfterFromAction;

export const meta: Route.MetaFunction = (args) => pageMeta(args);

export default function ResetCode({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const errors = actionData?.errors;
  return (
    <section className="card stack">
      <h1>{t('auth:reset.codeTitle')}</h1>
      <p className="muted">{t('auth:reset.codeLead')}</p>
      <Form method="post" className="stack" noValidate>
        <FormError errors={errors} />
        <Field
          name="identifier"
          label={t('auth:fields.identifier')}
          defaultValue={actionData?.values.identifier ?? loaderData.identifier}
          errors={errors}
          autoComplete="username"
          required
        />
        <Field name="code" label={t('auth:fields.code')} errors={errors} inputMode="numeric" autoComplete="one-time-code" required maxLength={12} />
        <Field
          name="newPassword"
          type="password"
          label={t('auth:fields.newPassword')}
          hint={t('auth:fields.passwordHint')}
          errors={errors}
          autoComplete="new-password"
          required
        />
        <SubmitButton>{t('auth:reset.setSubmit')}</SubmitButton>
      </Form>
    </section>
  );
}
