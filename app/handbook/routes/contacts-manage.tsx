import { useTranslation } from 'react-i18next';
import { data, Form } from 'react-router';
import { requireMembership } from '~/auth/guards.server.ts';
import { LOCALE_NAMES, LOCALES } from '~/i18n/config.ts';
import { getI18n, getLocale } from '~/i18n/middleware.server.ts';
import { UUID_PATTERN } from '~/lib/ids.ts';
import { readForm } from '~/lib/body.server.ts';
import { AppError, notFound } from '~/lib/errors.ts';
import { redirectWithFlash } from '~/lib/flash.server.ts';
import { parseForm } from '~/lib/forms.ts';
import { nestLocaleFields } from '~/tenancy/schemas.ts';
import { Field, FormError, SubmitButton } from '~/ui/form.tsx';
import { ContactInputSchema } from '../news-schemas.ts';
import { addContact, deleteContact, listContacts } from '../news.server.ts';
import type { Route } from './+types/contacts-manage';

export async function loader({ context, request }: Route.LoaderArgs) {
  const { scope, commune } = await requireMembership(context, request, ['official']);
  return { title: getI18n(context).t('handbook:contacts.manage'), slug: commune.slug, contacts: await listContacts(scope, getLocale(context), commune.defaultLocale) };
}

export async function action({ context, request }: Route.ActionArgs) {
  const { scope, commune } = await requireMembership(context, request, ['official']);
  const formData = await readForm(request);
  if (formData.get('intent') === 'delete') {
    const id = String(formData.get('id') ?? '');
    if (!UUID_PATTERN.test(id)) notFound();
    try {
      await deleteContact(scope, id);
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') notFound();
      throw error;
    }
    return redirectWithFlash(`/${commune.slug}/contacts/manage`, { key: 'handbook:contacts.deleted', tone: 'info' });
  }
  const parsed = parseForm(formData, ContactInputSchema, (raw) => nestLocaleFields(raw, ['role', 'hours']));
  if (!parsed.ok) return data(parsed, { status: 400 });
  await addContact(scope, parsed.data);
  return redirectWithFlash(`/${commune.slug}/contacts/manage`, { key: 'handbook:contacts.added' });
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData?.title ?? ''} · Baan` }];

export default function ManageContacts({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const errors = actionData?.errors;
  const v = actionData?.values ?? {};
  return (
    <div className="stack">
      <h1>{t('handbook:contacts.manage')}</h1>
      <ul className="contact-list">
        {loaderData.contacts.map((c) => (
          <li key={c.id} className="card">
            <strong>{c.name}</strong> — {t(`handbook:contacts.teams.${c.team}`)} {c.phone ? `· ${c.phone}` : ''}
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="delete" />
              <input type="hidden" name="id" value={c.id} />{' '}
              <button type="submit" className="link-button">
                {t('handbook:contacts.delete')}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <section className="card" aria-labelledby="add-contact">
        <h2 id="add-contact">{t('handbook:contacts.add')}</h2>
        <Form method="post" className="stack" noValidate>
          <FormError errors={errors} />
          <div className="field">
            <label htmlFor="team">{t('handbook:contacts.team')}</label>
            <select id="team" name="team" defaultValue={v.team ?? 'tech_team'}>
              <option value="officials">{t('handbook:contacts.teams.officials')}</option>
              <option value="tech_team">{t('handbook:contacts.teams.tech_team')}</option>
            </select>
          </div>
          <Field name="name" label={t('handbook:contacts.name')} defaultValue={v.name} errors={errors} required maxLength={120} />
          {LOCALES.map((lng) => (
            <Field key={`role-${lng}`} name={`role.${lng}`} lang={lng} label={t('handbook:contacts.roleIn', { language: LOCALE_NAMES[lng] })} defaultValue={v[`role.${lng}`]} errors={errors} maxLength={120} />
          ))}
          <Field name="phone" type="tel" inputMode="tel" label={t('handbook:contacts.phone')} defaultValue={v.phone} errors={errors} />
          <Field name="zalo" type="tel" inputMode="tel" label="Zalo" defaultValue={v.zalo} errors={errors} />
          {LOCALES.map((lng) => (
            <Field key={`hours-${lng}`} name={`hours.${lng}`} lang={lng} label={t('handbook:contacts.hoursIn', { language: LOCALE_NAMES[lng] })} defaultValue={v[`hours.${lng}`]} errors={errors} maxLength={120} />
          ))}
          <SubmitButton>{t('handbook:contacts.add')}</SubmitButton>
        </Form>
      </section>
    </div>
  );
}
