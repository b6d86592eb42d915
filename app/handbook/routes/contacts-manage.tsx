import { useT } from '~/i18n/use-t.ts';
import { data, Form } from 'react-router';
import { requirePermission } from '~/auth/guards.server.ts';
import { LOCALE_NAMES, LOCALES } from '~/i18n/config.ts';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import { UUID_PATTERN } from '~/lib/ids.ts';
import { readForm } from '~/lib/body.server.ts';
import { AppError, notFound } from '~/lib/errors.ts';
import { redirectWithFlash } from '~/lib/flash.server.ts';
import { type FieldErrors, parseForm } from '~/lib/forms.ts';
import { nestLocaleFields } from '~/tenancy/schemas.ts';
import { Field, FormError, SubmitButton } from '~/ui/form.tsx';
import { ContactInputSchema } from '../news-schemas.ts';
import { addContact, contactView, deleteContact, listContactsForEditing, updateContact } from '../news.server.ts';
import type { Route } from './+types/contacts-manage';
import { pageMeta } from '~/ui/meta.ts';

export async function loader({ context, request }: Route.LoaderArgs) {
  const { scope, commune } = await requirePermission({ context, request }, 'contact.manage');
  const locale = getLocale(context);
  const stored = await listContactsForEditing(scope);
  return {
    title: getI18n(context).t('handbook:contacts.manage'),
    slug: commune.slug,
    contacts: stored.map((c) => {
      const values: Record<string, string> = { team: c.team, name: c.name, phone: c.phone ?? '', zalo: c.zalo ?? '' };
      for (const lng of LOCALES) {
        values[`role.${lng}`] = c.role[lng] ?? '';
        values[`hours.${lng}`] = c.hours[lng] ?? '';
      }
      return { ...contactView(c, locale, commune.defaultLocale), values };
    }),
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const { scope, commune } = await requirePermission({ context, request }, 'contact.manage');
  const { form: formData, failure } = await readForm(request);
  if (failure) return data({ ...failure, editing: formData.get('intent') === 'update' ? String(formData.get('id') ?? '') : null }, { status: 400 });
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
  const editing = formData.get('intent') === 'update' ? String(formData.get('id') ?? '') : null;
  if (!parsed.ok) return data({ ...parsed, editing }, { status: 400 });
  if (editing !== null) {
    if (!UUID_PATTERN.test(editing)) notFound();
    try {
      await updateContact(scope, editing, parsed.data);
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') notFound();
      throw error;
    }
    return redirectWithFlash(`/${commune.slug}/contacts/manage`, { key: 'handbook:contacts.updated' });
  }
  await addContact(scope, parsed.data);
  return redirectWithFlash(`/${commune.slug}/contacts/manage`, { key: 'handbook:contacts.added' });
}

export const meta: Route.MetaFunction = (args) => pageMeta(args);

export default function ManageContacts({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const errors = actionData?.errors;
  const v = actionData?.values ?? {};
  const editing = actionData && 'editing' in actionData ? actionData.editing : null;
  const adding = actionData !== undefined && !editing;
  return (
    <div className="stack">
      <h1>{t('handbook:contacts.manage')}</h1>
      <ul className="contact-list">
        {loaderData.contacts.map((c) => (
          <li key={c.id} className="card">
            <strong>{c.name}</strong> — {t(`handbook:contacts.teams.${c.team}`)} {c.phone ? `· ${c.phone}` : ''}
            <details open={editing === c.id}>
              <summary>{t('handbook:contacts.edit')}</summary>
              <Form method="post" className="stack" noValidate>
                <input type="hidden" name="intent" value="update" />
                <input type="hidden" name="id" value={c.id} />
                <FormError errors={editing === c.id ? errors : undefined} />
                <ContactFields values={editing === c.id ? v : c.values} errors={editing === c.id ? errors : undefined} idPrefix={c.id} />
                <SubmitButton>{t('handbook:contacts.save')}</SubmitButton>
              </Form>
            </details>
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
          <ContactFields values={adding ? v : {}} errors={adding ? errors : undefined} idPrefix="new" />
          <SubmitButton>{t('handbook:contacts.add')}</SubmitButton>
        </Form>
      </section>
    </div>
  );
}

/** The contact fields, for adding and for editing in place. */
function ContactFields({ values, errors, idPrefix }: { values: Record<string, string>; errors?: FieldErrors; idPrefix: string }) {
  const { t } = useT();
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-team`}>{t('handbook:contacts.team')}</label>
        <select id={`${idPrefix}-team`} name="team" defaultValue={values.team ?? 'tech_team'}>
          <option value="officials">{t('handbook:contacts.teams.officials')}</option>
          <option value="tech_team">{t('handbook:contacts.teams.tech_team')}</option>
        </select>
      </div>
      <Field name="name" label={t('handbook:contacts.name')} defaultValue={values.name} errors={errors} required maxLength={120} />
      {LOCALES.map((lng) => (
        <Field
          key={`role-${lng}`}
          name={`role.${lng}`}
          lang={lng}
          label={t('handbook:contacts.roleIn', { language: LOCALE_NAMES[lng] })}
          defaultValue={values[`role.${lng}`]}
          errors={errors}
          maxLength={120}
        />
      ))}
      <Field name="phone" type="tel" inputMode="tel" label={t('handbook:contacts.phone')} defaultValue={values.phone} errors={errors} />
      <Field name="zalo" type="tel" inputMode="tel" label="Zalo" defaultValue={values.zalo} errors={errors} />
      {LOCALES.map((lng) => (
        <Field
          key={`hours-${lng}`}
          name={`hours.${lng}`}
          lang={lng}
          label={t('handbook:contacts.hoursIn', { language: LOCALE_NAMES[lng] })}
          defaultValue={values[`hours.${lng}`]}
          errors={errors}
          maxLength={120}
        />
      ))}
    </>
  );
}
