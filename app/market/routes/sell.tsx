import { useT } from '~/i18n/use-t.ts';
import { data, Form, redirect } from 'react-router';
import { requireCommune, requireUser, scopeOf } from '~/auth/guards.server.ts';
import { getI18n } from '~/i18n/translator.server.ts';
import { readForm } from '~/lib/body.server.ts';
import { redirectWithFlash } from '~/lib/flash.server.ts';
import { parseForm } from '~/lib/forms.ts';
import { nestLocaleFields } from '~/tenancy/schemas.ts';
import { FormError, SubmitButton } from '~/ui/form.tsx';
import { SellerFields, sellerValues } from '../seller-form.tsx';
import { SellerProfileSchema } from '../schemas.ts';
import { applyToSell, getOwnSeller } from '../sellers.server.ts';
import type { Route } from './+types/sell';
import { pageMeta } from '~/ui/meta.ts';

/** A villager asks to sell in this commune; once approved, this page leads to their dashboard. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const commune = requireCommune(context);
  const user = requireUser(context, request);
  const seller = await getOwnSeller({ ...scopeOf(context), tenantId: commune.id, userId: user.id });
  if (seller?.status === 'approved') throw redirect(`/${commune.slug}/market/sellers/${seller.id}`);
  return {
    title: getI18n(context).t('market:sell.title'),
    status: seller?.status ?? null,
    rejectReason: seller?.rejectReason ?? null,
    values: seller ? sellerValues(seller) : { name: user.displayName },
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const commune = requireCommune(context);
  const user = requireUser(context, request);
  const { form, failure } = await readForm(request);
  if (failure) return data(failure, { status: 400 });
  const parsed = parseForm(form, SellerProfileSchema, (raw) => nestLocaleFields(raw, ['story']));
  if (!parsed.ok) return data(parsed, { status: 400 });
  await applyToSell({ ...scopeOf(context), tenantId: commune.id, userId: user.id }, parsed.data);
  return redirectWithFlash(`/${commune.slug}/market/sell`, { key: 'market:sell.sent' });
}

export const meta: Route.MetaFunction = (args) => pageMeta(args);

export default function Sell({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const values = actionData?.values ?? loaderData.values;
  return (
    <div className="stack">
      <h1>{t('market:sell.title')}</h1>
      {loaderData.status === 'pending' ? (
        <p className="notice" role="status">
          {t('market:sell.pending')}
        </p>
      ) : (
        <p className="muted">{t('market:sell.lead')}</p>
      )}
      {loaderData.status === 'rejected' ? (
        <p className="notice">
          {t('market:sell.rejected')} {loaderData.rejectReason}
        </p>
      ) : null}
      {loaderData.status === 'suspended' ? (
        <p className="notice">{t('market:sell.suspended')}</p>
      ) : (
        <Form method="post" className="stack card" noValidate>
          <FormError errors={actionData?.errors} />
          <SellerFields values={values} errors={actionData?.errors} />
          <SubmitButton>{loaderData.status ? t('market:sell.update') : t('market:sell.submit')}</SubmitButton>
        </Form>
      )}
    </div>
  );
}
