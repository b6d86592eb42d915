import { readForm } from '~/lib/body.server.ts';
import { useT } from '~/i18n/use-t.ts';
import { data, Form } from 'react-router';
import { requirePlatformPermission, scopeOf } from '~/auth/guards.server.ts';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import { LOCALE_NAMES, LOCALES, type Locale } from '~/i18n/config.ts';
import { databaseContext } from '~/lib/context.ts';
import { AppError, statusOf } from '~/lib/errors.ts';
import { redirectWithFlash } from '~/lib/flash.server.ts';
import { formFailure, parseForm } from '~/lib/forms.ts';
import { createCommune, listProvinces } from '~/tenancy/communes.server.ts';
import { CommuneInputSchema, nestLocaleFields } from '~/tenancy/schemas.ts';
import { Field, FormError, SubmitButton } from '~/ui/form.tsx';
import type { Route } from './+types/new-commune';
import { pageMeta } from '~/ui/meta.ts';

export async function loader({ context, request }: Route.LoaderArgs) {
  requirePlatformPermission({ context, request }, 'commune.create');
  const locale = getLocale(context) as Locale;
  const provinces = await listProvinces(context.get(databaseContext).db);
  return {
    title: getI18n(context).t('tenancy:admin.newCommune'),
    provinces: provinces.map((p) => ({ value: `${p.country}:${p.code}`, label: `${p.name[locale] ?? p.name.en} (${p.country} ${p.code})` })),
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  requirePlatformPermission({ context, request }, 'commune.create');
  const { form: formData, failure } = await readForm(request);
  if (failure) return data(failure, { status: 400 });
  const parsed = parseForm(formData, CommuneInputSchema, (raw) => {
    const [country, provinceCode] = String(raw.province ?? '').split(':');
    return { ...nestLocaleFields(raw, ['name']), country, provinceCode };
  });
  if (!parsed.ok) return data(parsed, { status: 400 });
  try {
    const created = await createCommune(scopeOf(context), parsed.data);
    return redirectWithFlash(`/${created.slug}`, { key: 'tenancy:admin.created' });
  } catch (error) {
    if (error instanceof AppError) {
      const field = String(error.details?.field ?? '_form');
      return data(formFailure(formData, { [field === 'provinceCode' ? 'province' : field]: error.messageKey }), { status: statusOf[error.code] });
    }
    throw error;
  }
}

export const meta: Route.MetaFunction = (args) => pageMeta(args);

export default function NewCommune({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const errors = actionData?.errors;
  const v = actionData?.values ?? {};
  return (
    <div className="stack">
      <h1>{t('tenancy:admin.newCommune')}</h1>
      <Form method="post" className="stack" noValidate>
        <FormError errors={errors} />
        <Field name="slug" label={t('tenancy:admin.slug')} hint={t('tenancy:admin.slugHint')} defaultValue={v.slug} errors={errors} required maxLength={63} />
        {LOCALES.map((lng) => (
          <Field
            key={lng}
            name={`name.${lng}`}
            lang={lng}
            label={t('tenancy:admin.nameIn', { language: LOCALE_NAMES[lng] })}
            defaultValue={v[`name.${lng}`]}
            errors={errors}
            maxLength={120}
          />
        ))}
        <div className={`field${errors?.province ? ' field-error' : ''}`}>
          <label htmlFor="province">{t('tenancy:admin.province')}</label>
          <select id="province" name="province" defaultValue={v.province ?? ''} required>
            <option value="">—</option>
            {loaderData.provinces.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
          {errors?.province ? <p className="error">{t(errors.province)}</p> : null}
        </div>
        <Field name="legacyAddress" label={t('tenancy:admin.legacyAddress')} defaultValue={v.legacyAddress} errors={errors} maxLength={200} />
        <SelectField
          name="defaultLocale"
          label={t('tenancy:admin.defaultLocale')}
          value={v.defaultLocale ?? 'vi'}
          options={LOCALES.map((l) => [l, LOCALE_NAMES[l]])}
        />
        <SelectField
          name="currency"
          label={t('tenancy:admin.currency')}
          value={v.currency ?? 'VND'}
          options={[
            ['VND', 'VND'],
            ['THB', 'THB'],
          ]}
        />
        <SelectField
          name="timeZone"
          label={t('tenancy:admin.timeZone')}
          value={v.timeZone ?? 'Asia/Ho_Chi_Minh'}
          options={[
            ['Asia/Ho_Chi_Minh', 'Asia/Ho_Chi_Minh'],
            ['Asia/Bangkok', 'Asia/Bangkok'],
          ]}
        />
        <Field name="centerLat" label={t('tenancy:admin.lat')} defaultValue={v.centerLat} errors={errors} inputMode="decimal" required />
        <Field name="centerLon" label={t('tenancy:admin.lon')} defaultValue={v.centerLon} errors={errors} inputMode="decimal" required />
        <Field name="zoom" label={t('tenancy:admin.zoom')} defaultValue={v.zoom ?? '12'} errors={errors} inputMode="numeric" required />
        <Field name="hostName" label={t('tenancy:admin.hostName')} hint={t('tenancy:admin.hostNameHint')} defaultValue={v.hostName} errors={errors} />
        <SubmitButton>{t('tenancy:admin.create')}</SubmitButton>
      </Form>
    </div>
  );
}

function SelectField({ name, label, value, options }: { name: string; label: string; value: string; options: [string, string][] }) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <select id={name} name={name} defaultValue={value}>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}
