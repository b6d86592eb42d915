import { useT } from '~/i18n/use-t.ts';
import { LOCALE_NAMES, LOCALES } from '~/i18n/config.ts';
import type { FieldErrors } from '~/lib/forms.ts';
import { Field } from '~/ui/form.tsx';

export type SellerFormValues = Record<string, string | undefined>;

/** The seller profile fields, shared by the application, the official's "add seller" and the dashboard. */
export function SellerFields({ values, errors }: { values: SellerFormValues; errors?: FieldErrors }) {
  const { t } = useT();
  return (
    <>
      <Field
        name="name"
        label={t('market:seller.name')}
        hint={t('market:seller.nameHint')}
        defaultValue={values.name}
        errors={errors}
        required
        maxLength={120}
      />
      <Field name="hamlet" label={t('market:seller.hamlet')} defaultValue={values.hamlet} errors={errors} maxLength={120} />
      {LOCALES.map((lng) => (
        <Field
          key={lng}
          name={`story.${lng}`}
          lang={lng}
          multiline
          rows={3}
          label={t('market:seller.storyIn', { language: LOCALE_NAMES[lng] })}
          defaultValue={values[`story.${lng}`]}
          errors={errors}
          maxLength={1000}
        />
      ))}
      <Field name="phone" type="tel" inputMode="tel" label={t('market:seller.phone')} defaultValue={values.phone} errors={errors} autoComplete="tel" />
      <Field name="zalo" type="tel" inputMode="tel" label={t('market:seller.zalo')} defaultValue={values.zalo} errors={errors} />
      <label className="checkbox">
        <input type="checkbox" name="isCooperative" defaultChecked={values.isCooperative === 'on' || values.isCooperative === 'true'} />{' '}
        {t('market:seller.isCooperative')}
      </label>
    </>
  );
}

/** A seller's stored profile as form values. */
export function sellerValues(s: {
  name: string;
  hamlet: string | null;
  story: Partial<Record<string, string>>;
  phone: string | null;
  zalo: string | null;
  isCooperative: boolean;
}): SellerFormValues {
  return {
    name: s.name,
    hamlet: s.hamlet ?? '',
    'story.vi': s.story.vi ?? '',
    'story.en': s.story.en ?? '',
    'story.th': s.story.th ?? '',
    phone: s.phone ?? '',
    zalo: s.zalo ?? '',
    isCooperative: s.isCooperative ? 'on' : '',
  };
}
