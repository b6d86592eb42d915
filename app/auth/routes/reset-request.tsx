import { data, Form, Link } from 'react-router';
import { scopeOf } from '~/auth/guards.server.ts';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import { useT } from '~/i18n/use-t.ts';
import { readForm } from '~/lib/body.server.ts';
import { publicOrigin } from '~/lib/env.server.ts';
import { AppError, statusOf } from '~/lib/errors.ts';
import { formFailure, parseForm } from '~/lib/forms.ts';
import { retryAfterFromAction, retryAfterHeaders } from '~/lib/rate-limit.server.ts';
import { clientAddress } from '~/lib/server-facts.ts';
import { Field, FormError, SubmitButton } from '~/ui/form.tsx';
import { accountContact } from '../identity.ts';
import { requestPasswordReset } from '../recovery.server.ts';
import { resetRequestSchema } from '../schemas.ts';
import type { Route } from './+types/reset-request';
import { pageMeta } from '~/ui/meta.ts';

export function loader({ context }: Route.LoaderArgs) {
  return { title: getI18n(context).t('auth:reset.title') };
}

/** The same answer whether or not an account has the address (see requestPasswordReset). */
export async function action({ request, context }: Route.ActionArgs) {
  const { form: formData, failure } = await readForm(request);
  if (failure) return data({ ...failure, sent: null }, { status: 400 });
  const parsed = parseForm(formData, resetRequestSchema(getLocale(context)));
  if (!parsed.ok) return data({ ...parsed, sent: null }, { status: 400 });
  const { identifier } = parsed.data;
  try {
    await requestPasswordReset(scopeOf(context), identifier, { client: clientAddress(context), origin: publicOrigin(request) });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return data({ ...formFailure(formData, { _form: error.messageKey }), sent: null }, { status: statusOf[error.code], headers: retryAfterHeaders(error) });
  }
  const shown = accountContact({ email: null, phone: null, [identifier.kind]: identifier.value });
  return data({ ok: true as const, errors: {}, values: {} as Record<string, string>, sent: { kind: identifier.kind, shown, raw: identifier.value } });
}

export const headers: Route.HeadersFunction = retryAfterFromAction;

export const meta: Route.MetaFunction = (args) => pageMeta(args);

export default function ResetRequest({ actionData }: Route.ComponentProps) {
  const { t } = useT();
  const sent = actionData?.sent ?? null;
  const errors = sent ? undefined : actionData?.errors;
  return (
    <section className="card stack">
      <h1>{t('auth:reset.title')}</h1>
      {sent ? (
        <p className="notice" role="status">
          {t(sent.kind === 'email' ? 'auth:reset.sentEmail' : 'auth:reset.sentPhone', { identifier: sent.shown })}
        </p>
      ) : (
        <p className="muted">{t('auth:reset.lead')}</p>
      )}
      {sent?.kind === 'phone' ? null : (
        <Form method="post" className="stack" noValidate>
          <FormError errors={errors} />
          <Field
            name="identifier"
            label={t('auth:fields.identifier')}
            defaultValue={actionData?.values.identifier}
            errors={errors}
            autoComplete="username"
            required
          />
          <SubmitButton>{t('auth:reset.submit')}</SubmitButton>
        </Form>
      )}
      <p>
        <Link to={sent?.kind === 'phone' ? `/reset-password/code?identifier=${encodeURIComponent(sent.raw)}` : '/reset-password/code'}>
          {t('auth:reset.haveCode')}
        </Link>
      </p>
    </section>
  );
}
