import { publicOrigin } from '~/lib/env.server.ts';
import { UUID_PATTERN } from '~/lib/ids.ts';
import { readForm } from '~/lib/body.server.ts';
import { useT } from '~/i18n/use-t.ts';
import type { MessageKey } from '~/i18n/message-key.ts';
import { data, Form } from 'react-router';
import { requirePermission } from '~/auth/guards.server.ts';
import { inviteSchema } from '~/auth/schemas.ts';
import { accountContact } from '~/auth/identity.ts';
import { issueRecoveryCode } from '~/auth/recovery.server.ts';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import { formatDate } from '~/i18n/format.ts';
import type { Locale } from '~/i18n/config.ts';
import { AppError, notFound, statusOf } from '~/lib/errors.ts';
import { redirectWithFlash } from '~/lib/flash.server.ts';
import { type FieldErrors, formFailure, parseForm } from '~/lib/forms.ts';
import { Field, FormError, SubmitButton } from '~/ui/form.tsx';
import { ScrollTable } from '~/ui/scroll-table.tsx';
import { ROLES, type Role } from '~/auth/roles.ts';
import {
  confirmInvitation,
  inviteMember,
  listAwaitingConfirmation,
  listMembers,
  listPendingInvitations,
  refuseInvitation,
  removeMembership,
  revokeInvitation,
} from '../members.server.ts';
import type { Route } from './+types/members';
import { pageMeta } from '~/ui/meta.ts';

export async function loader({ context, request }: Route.LoaderArgs) {
  const { scope, commune, user } = await requirePermission({ context, request }, 'member.manage');
  const locale = getLocale(context) as Locale;
  const [members, invitations, awaiting] = await Promise.all([listMembers(scope), listPendingInvitations(scope), listAwaitingConfirmation(scope)]);
  return {
    title: getI18n(context).t('auth:members.title'),
    slug: commune.slug,
    me: user.id,
    members,
    invitations: invitations.map((i) => ({ ...i, expires: formatDate(i.expiresAt, locale, commune.timeZone) })),
    awaiting: awaiting.map((a) => ({ ...a, accepted: formatDate(a.acceptedAt, locale, commune.timeZone) })),
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const { scope, commune } = await requirePermission({ context, request }, 'member.manage');
  const { form: formData, failure } = await readForm(request);
  if (failure) return data({ ...failure, invitation: null, recovery: null }, { status: 400 });
  const intent = formData.get('intent');
  const locale = getLocale(context);
  try {
    if (intent === 'invite') {
      const parsed = parseForm(formData, inviteSchema(locale));
      if (!parsed.ok) return data({ ...parsed, invitation: null, recovery: null }, { status: 400 });
      const invitation = await inviteMember(scope, parsed.data, publicOrigin(request), commune.slug);
      return data({
        ok: true as const,
        errors: {} as FieldErrors,
        values: {} as Record<string, string>,
        invitation: {
          url: invitation.url,
          address: accountContact({ email: null, phone: null, [parsed.data.identifier.kind]: parsed.data.identifier.value }),
          role: parsed.data.role,
        },
        recovery: null,
      });
    }
    if (intent === 'recover') {
      // A one-time code for a member who cannot receive a reset; shown once, here (ADR 019).
      const permitted = await requirePermission({ context, request }, 'member.recover');
      const userId = String(formData.get('userId') ?? '');
      if (!UUID_PATTERN.test(userId)) notFound();
      const { code } = await issueRecoveryCode(permitted.scope, userId);
      const name = (await listMembers(scope)).find((m) => m.userId === userId)?.displayName ?? '';
      return data({ ok: true as const, errors: {} as FieldErrors, values: {} as Record<string, string>, invitation: null, recovery: { name, code } });
    }
    if (intent === 'revoke') {
      const invitationId = String(formData.get('invitationId') ?? '');
      if (!UUID_PATTERN.test(invitationId)) notFound();
      await revokeInvitation(scope, invitationId);
      return redirectWithFlash(`/${commune.slug}/members`, { key: 'auth:members.revoked', tone: 'info' });
    }
    if (intent === 'confirm' || intent === 'refuse') {
      const invitationId = String(formData.get('invitationId') ?? '');
      if (!UUID_PATTERN.test(invitationId)) notFound();
      if (intent === 'confirm') await confirmInvitation(scope, invitationId);
      else await refuseInvitation(scope, invitationId);
      return redirectWithFlash(`/${commune.slug}/members`, { key: intent === 'confirm' ? 'auth:members.confirmed' : 'auth:members.refused', tone: 'info' });
    }
    if (intent === 'remove') {
      const role = String(formData.get('role'));
      const userId = String(formData.get('userId') ?? '');
      if (!(ROLES as readonly string[]).includes(role) || !UUID_PATTERN.test(userId)) notFound();
      await removeMembership(scope, userId, role as Role);
      return redirectWithFlash(`/${commune.slug}/members`, { key: 'auth:members.removed', tone: 'info' });
    }
    throw new AppError('invalid', 'common:validation.invalid');
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    if (error instanceof AppError) {
      const field = intent === 'invite' && error.code === 'conflict' ? 'identifier' : '_form';
      return data({ ...formFailure(formData, { [field]: error.messageKey }), invitation: null, recovery: null }, { status: statusOf[error.code] });
    }
    throw error;
  }
}

export const meta: Route.MetaFunction = (args) => pageMeta(args);

export default function Members({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const d = loaderData;
  const errors = actionData?.errors;
  const invited = actionData && 'invitation' in actionData ? actionData.invitation : null;
  const recovery = actionData && 'recovery' in actionData ? actionData.recovery : null;
  return (
    <div className="stack">
      <h1>{t('auth:members.title')}</h1>
      <FormError errors={invited || recovery ? undefined : errors} />
      {recovery ? (
        <p className="notice" role="status" data-testid="recovery-code">
          {t('auth:members.recoveryIssued', { name: recovery.name, code: recovery.code })}
        </p>
      ) : null}
      <section aria-labelledby="invite-title" className="card">
        <h2 id="invite-title">{t('auth:members.inviteTitle')}</h2>
        {invited ? (
          <div className="notice" role="status">
            <p>{t('auth:members.invited', { email: invited.address, role: t(`auth:roles.${invited.role}`) })}</p>
            <label htmlFor="invite-link">{t('auth:members.inviteLink')}</label>
            <input id="invite-link" className="copy-box" readOnly value={invited.url} data-testid="invite-link" />
            <p className="hint">{t('auth:members.inviteLinkHint')}</p>
          </div>
        ) : null}
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="invite" />
          <Field
            name="identifier"
            label={t('auth:fields.identifier')}
            hint={t('auth:fields.identifierHint')}
            errors={invited ? undefined : errors}
            defaultValue={invited ? '' : actionData?.values.identifier}
            autoComplete="off"
            required
          />
          <RoleSelect error={invited ? undefined : errors?.role} defaultValue={invited ? 'seller' : actionData?.values.role} />
          <SubmitButton>{t('auth:members.inviteSubmit')}</SubmitButton>
        </Form>
      </section>

      {d.awaiting.length ? (
        <section aria-labelledby="awaiting-title" className="card stack">
          <h2 id="awaiting-title">{t('auth:members.awaiting')}</h2>
          <p className="hint">{t('auth:members.awaitingHint')}</p>
          <ul className="awaiting stack">
            {d.awaiting.map((a) => (
              <li key={a.id} className="stack">
                <p>
                  <strong>{a.displayName}</strong> · {t(`auth:roles.${a.role}`)}
                  <br />
                  <span className="muted">{a.contact}</span>
                  <br />
                  <span className="muted">{t('auth:members.awaitingMeta', { name: a.invitedBy, date: a.accepted })}</span>
                </p>
                <Form method="post">
                  <input type="hidden" name="invitationId" value={a.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="confirm"
                    className="button"
                    aria-label={t('auth:members.confirmLabel', { name: a.displayName, role: t(`auth:roles.${a.role}`) })}
                  >
                    {t('auth:members.confirm')}
                  </button>{' '}
                  <button
                    type="submit"
                    name="intent"
                    value="refuse"
                    className="button button-secondary"
                    aria-label={t('auth:members.refuseLabel', { name: a.displayName, role: t(`auth:roles.${a.role}`) })}
                  >
                    {t('auth:members.refuse')}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="members-title">
        <h2 id="members-title">{t('auth:members.current', { count: d.members.length })}</h2>
        <ScrollTable labelledBy="members-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('auth:fields.displayName')}</th>
                <th scope="col">{t('auth:members.roles')}</th>
              </tr>
            </thead>
            <tbody>
              {d.members.map((m) => (
                <tr key={m.userId}>
                  <td>
                    {m.displayName}
                    <br />
                    <span className="muted">{m.contact}</span>
                    {m.email && m.phone ? <span className="muted"> · {accountContact({ email: null, phone: m.phone })}</span> : null}
                    {m.userId === d.me ? null : (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="recover" />
                        <input type="hidden" name="userId" value={m.userId} />
                        <button type="submit" className="link-button" aria-label={t('auth:members.recoverLabel', { name: m.displayName })}>
                          {t('auth:members.recover')}
                        </button>
                      </Form>
                    )}
                  </td>
                  <td>
                    {m.roles.map((role) => (
                      <Form method="post" key={role} className="role-row">
                        <span className="badge">{t(`auth:roles.${role}`)}</span> <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="userId" value={m.userId} />
                        <input type="hidden" name="role" value={role} />
                        <button
                          type="submit"
                          className="link-button"
                          aria-label={t('auth:members.removeRoleLabel', { name: m.displayName, role: t(`auth:roles.${role}`) })}
                        >
                          {t('auth:members.remove')}
                        </button>
                      </Form>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </section>

      <section aria-labelledby="pending-title">
        <h2 id="pending-title">{t('auth:members.pending')}</h2>
        {d.invitations.length === 0 ? <p className="muted">{t('auth:members.noPending')}</p> : null}
        <ul className="pending-invitations">
          {d.invitations.map((i) => (
            <li key={i.id}>
              {i.contact} · {t(`auth:roles.${i.role}`)} · {t('auth:members.expires', { date: i.expires })}{' '}
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="revoke" />
                <input type="hidden" name="invitationId" value={i.id} />
                <button type="submit" className="link-button">
                  {t('auth:members.revoke')}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function RoleSelect({ error, defaultValue }: { error?: MessageKey; defaultValue?: string }) {
  const { t } = useT();
  return (
    <div className={`field${error ? ' field-error' : ''}`}>
      <label htmlFor="invite-role">{t('auth:members.role')}</label>
      <select id="invite-role" name="role" defaultValue={defaultValue ?? 'seller'} aria-invalid={error ? true : undefined}>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`auth:roles.${role}`)} — {t(`auth:roleHints.${role}`)}
          </option>
        ))}
      </select>
      {error ? <p className="error">{t(error)}</p> : null}
    </div>
  );
}
