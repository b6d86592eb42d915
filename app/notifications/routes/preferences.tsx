import { Form, Link } from 'react-router';
import { ACCOUNT_KINDS, INBOX_ONLY_KINDS, NOTIFICATION_KINDS, OPTIONAL_CHANNELS } from '#domain/notifications.ts';
import { requireUser } from '~/auth/guards.server.ts';
import { getI18n } from '~/i18n/translator.server.ts';
import { useT } from '~/i18n/use-t.ts';
import { readForm } from '~/lib/body.server.ts';
import { databaseContext } from '~/lib/context.ts';
import { notFound } from '~/lib/errors.ts';
import { redirectWithFlash } from '~/lib/flash.server.ts';
import { ScrollTable } from '~/ui/scroll-table.tsx';
import { getPreferences, savePreferences, type Preferences } from '../inbox.server.ts';
import type { Route } from './+types/preferences';
import { pageMeta } from '~/ui/meta.ts';

/** Which kinds come by e-mail and SMS as well as the inbox: one form, one checkbox per kind and channel. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  return {
    title: getI18n(context).t('notifications:preferences.title'),
    preferences: await getPreferences(context.get(databaseContext).db, user.id, user.email),
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  const { form, failure } = await readForm(request);
  if (failure) notFound();
  // Only the known boxes are read; a box not sent is off (that is how an unticked checkbox posts).
  const choices = {} as Preferences;
  for (const kind of ACCOUNT_KINDS) {
    choices[kind] = {
      email: NOTIFICATION_KINDS[kind].essential || form.get(`${kind}.email`) === 'on',
      sms: form.get(`${kind}.sms`) === 'on',
    };
  }
  await savePreferences(context.get(databaseContext).db, user.id, choices, user.email);
  return redirectWithFlash('/account/notifications', { key: 'notifications:preferences.saved' });
}

export const meta: Route.MetaFunction = (args) => pageMeta(args);

export default function NotificationPreferences({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const prefs = loaderData.preferences;
  const channelName = { email: t('notifications:preferences.email'), sms: t('notifications:preferences.sms') };
  return (
    <div className="stack">
      <p className="muted">
        <Link to="/notifications">{t('notifications:title')}</Link>
      </p>
      <h1 id="preferences-title">{t('notifications:preferences.title')}</h1>
      <p>{t('notifications:preferences.intro')}</p>
      <Form method="post" className="stack">
        {/* It may be wider than a phone (Thai, Vietnamese). */}
        <ScrollTable labelledBy="preferences-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('notifications:preferences.kind')}</th>
                <th scope="col">{t('notifications:preferences.inbox')}</th>
                <th scope="col">{t('notifications:preferences.email')}</th>
                <th scope="col">{t('notifications:preferences.sms')}</th>
              </tr>
            </thead>
            <tbody>
              {ACCOUNT_KINDS.map((kind) => {
                const label = t(`notifications:kinds.${kind}`);
                const inboxOnly = INBOX_ONLY_KINDS.includes(kind);
                return (
                  <tr key={kind}>
                    <th scope="row">{label}</th>
                    <td>{t('notifications:preferences.always')}</td>
                    {OPTIONAL_CHANNELS.map((channel) => (
                      <td key={channel}>
                        {inboxOnly ? (
                          '—'
                        ) : channel === 'email' && NOTIFICATION_KINDS[kind].essential ? (
                          <input
                            type="checkbox"
                            checked
                            disabled
                            aria-label={t('notifications:preferences.channelLabel', { kind: label, channel: channelName[channel] })}
                            title={t('notifications:preferences.essential')}
                          />
                        ) : (
                          <input
                            type="checkbox"
                            name={`${kind}.${channel}`}
                            defaultChecked={prefs[kind][channel]}
                            aria-label={t('notifications:preferences.channelLabel', { kind: label, channel: channelName[channel] })}
                          />
                        )}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollTable>
        <p className="muted small">{t('notifications:preferences.essential')}</p>
        <button type="submit" className="button">
          {t('notifications:preferences.save')}
        </button>
      </Form>
    </div>
  );
}
