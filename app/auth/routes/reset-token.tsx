import { data, Form, Link } from 'react-router';
import { scopeOf } from '~/auth/guards.server.ts';
import { getI18n } from '~/i18n/translator.server.ts';
import { useT } from '~/i18n/use-t.ts';
import { readForm } from '~/lib/body.server.ts';
import { AppError, statusOf } from '~/lib/errors.ts';
import { redirectWithFlash } from '~/lib/flash.server.ts';
import { formFailure, parseForm } from '~/lib/forms.ts';
import { Field, FormError, SubmitButton } from '~/ui/form.tsx';
import { resetLinkIsLive, resetPasswordWithToken } from '../recovery.server.ts';
import { ResetWithTokenSchema } from '../schemas.ts';
import type { Route } from './+types/reset-token';
import { pageMeta } from '~/ui/meta.ts';

/** The e-mailed link: shows the form while the link is live (looking does not use it; setting the password does). */
export async function loader({ context, params }: Route.LoaderArgs) {
  const live = await resetLinkIsLive(scopeOf(context), params.token);
  return data({ title: getI18n(context).t('auth:reset.newTitle'), live }, { status: live ? 200 : 410 });
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { form: formData, failure } = await readForm(request);
  if (failure) return data(failure, { status: 400 });
  const parsed = parseForm(formData, ResetWithTokenSchema);
  if (!parsed.ok) return data(parsed, { status: 400 });
  try {
    await resetPasswordWithToken(scopeOf(context), params.token, parsed.data.newPassword);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return data(formFailure(formData, { _form: error.messageKey }), { status: statusOf[error.code] });
  }
  return redirectWithFlash('/login', { key: 'auth:reset.done', tone: 'success' });
}

// The token in the path does not leave the site: the global Referrer-Policy (strict-origin-when-cross-origin) sends other sites only the origin.
export const meta: Route.MetaFunction = (args) => pageMeta(args, { noindex: true });

export default function ResetToken({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const errors = actionData?.errors;
  return (
    <section className="card stack">
      <h1>{t('auth:reset.newTitle')}</h1>
      {loaderData.live ? (
        <Form method="post" className="stack" noValidate>
          <FormError errors={errors} />
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
      ) : (
        <>
          <p className="notice">{t('auth:reset.linkDead')}</p>
          <p>
            <Link to="/reset-password">{t('auth:reset.title')}</Link>
          </p>
        </>
      )}
    </section>
  );
}
