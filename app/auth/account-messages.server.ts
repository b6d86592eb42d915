import { MAIL_JOB, SMS_JOB, type MailJob, type SmsJob } from '~/delivery/messages.ts';
import { translatorFor } from '~/i18n/translator.server.ts';
import { LOCALES, FALLBACK_LOCALE, type Locale } from '~/i18n/config.ts';
import { enqueue } from '~/jobs/queue.server.ts';
import type { Tx } from '#db/client.ts';
import { CODE_LIFETIME_MS } from './codes.server.ts';
import { maskIdentifier } from './identity.ts';

/**
 * The mail and SMS that accounts send (verification, reset), written in the reader's language
 * and enqueued in the caller's transaction: the message exists exactly when the code does. All
 * are essential mail (no unsubscribe). Links are absolute, from `origin` (PUBLIC_URL).
 */
export type Recipient = { id: string; locale: string | null };

const localeOf = (locale: string | null): Locale => ((LOCALES as readonly string[]).includes(locale ?? '') ? (locale as Locale) : FALLBACK_LOCALE);
const minutes = Math.round(CODE_LIFETIME_MS / 60000);

async function mail(tx: Tx, job: MailJob) {
  await enqueue(tx, MAIL_JOB, job, { key: job.ref });
}
async function sms(tx: Tx, job: SmsJob) {
  await enqueue(tx, SMS_JOB, job, { key: job.ref });
}

export async function sendEmailVerification(tx: Tx, user: Recipient, email: string, token: string, origin: string) {
  const locale = localeOf(user.locale);
  const t = translatorFor(locale);
  await mail(tx, {
    ref: `account:verify-email:${crypto.randomUUID()}`,
    to: email,
    locale,
    subject: t('auth:messages.verifyEmail.subject'),
    lines: [t('auth:messages.verifyEmail.body', { minutes }), t('auth:messages.notYou')],
    action: { label: t('auth:messages.verifyEmail.action'), url: `${origin}/verify/email/${token}` },
    essential: true,
    userId: user.id,
  });
}

export async function sendPhoneVerification(tx: Tx, user: Recipient, phone: string, code: string) {
  const locale = localeOf(user.locale);
  const t = translatorFor(locale);
  await sms(tx, {
    ref: `account:verify-phone:${crypto.randomUUID()}`,
    to: phone,
    locale,
    text: t('auth:messages.verifyPhone', { code, minutes }),
    userId: user.id,
  });
}

export async function sendResetLink(tx: Tx, user: Recipient, email: string, token: string, origin: string) {
  const locale = localeOf(user.locale);
  const t = translatorFor(locale);
  await mail(tx, {
    ref: `account:reset:${crypto.randomUUID()}`,
    to: email,
    locale,
    subject: t('auth:messages.reset.subject'),
    lines: [t('auth:messages.reset.body', { minutes }), t('auth:messages.notYou')],
    action: { label: t('auth:messages.reset.action'), url: `${origin}/reset-password/${token}` },
    essential: true,
    userId: user.id,
  });
}

export async function sendResetCode(tx: Tx, user: Recipient, phone: string, code: string) {
  const locale = localeOf(user.locale);
  const t = translatorFor(locale);
  await sms(tx, { ref: `account:reset:${crypto.randomUUID()}`, to: phone, locale, text: t('auth:messages.resetSms', { code, minutes }), userId: user.id });
}

/** The link that proves a new e-mail address for an account (not a sign-up's: it names the account it joins). */
export async function sendEmailChangeProof(tx: Tx, user: Recipient & { displayName: string }, email: string, token: string, origin: string) {
  const locale = localeOf(user.locale);
  const t = translatorFor(locale);
  await mail(tx, {
    ref: `account:change-email:${crypto.randomUUID()}`,
    to: email,
    locale,
    subject: t('auth:messages.changeEmail.subject'),
    lines: [t('auth:messages.changeEmail.body', { name: user.displayName, minutes }), t('auth:messages.notYou')],
    action: { label: t('auth:messages.changeEmail.action'), url: `${origin}/verify/email/${token}` },
    essential: true,
    userId: user.id,
  });
}

/** The code that proves a new phone number for an account: it says which account, so nobody reads it out to a caller unawares. */
export async function sendPhoneChangeProof(tx: Tx, user: Recipient & { displayName: string }, phone: string, code: string) {
  const locale = localeOf(user.locale);
  const t = translatorFor(locale);
  await sms(tx, {
    ref: `account:change-phone:${crypto.randomUUID()}`,
    to: phone,
    locale,
    text: t('auth:messages.changePhone', { code, name: user.displayName, minutes }),
    userId: user.id,
  });
}

/**
 * Tells an account's verified address that its sign-in address changed (`change.added`: an
 * address was added) to `change.to`, shown masked, with the link that undoes it for 7 days.
 */
export async function sendAddressChanged(
  tx: Tx,
  user: Recipient,
  notify: { kind: 'email' | 'phone'; value: string },
  change: { kind: 'email' | 'phone'; added: boolean; to: string },
  undoUrl: string,
) {
  const locale = localeOf(user.locale);
  const t = translatorFor(locale);
  const ref = `account:address-changed:${crypto.randomUUID()}`;
  const what = change.added ? 'added' : 'changed';
  if (notify.kind === 'email') {
    await mail(tx, {
      ref,
      to: notify.value,
      locale,
      subject: t(`auth:messages.addressChanged.${what}Subject`),
      lines: [t(`auth:messages.addressChanged.${what}`, { address: maskIdentifier(change.to) }), t('auth:messages.addressChanged.notYou')],
      action: { label: t('auth:messages.addressChanged.action'), url: undoUrl },
      essential: true,
      userId: user.id,
    });
  } else {
    // ASCII stars: "•" is outside GSM-7 and would double the SMS's cost.
    const address = maskIdentifier(change.to).replaceAll('•', '*');
    await sms(tx, { ref, to: notify.value, locale, text: t(`auth:messages.addressChangedSms.${what}`, { address, url: undoUrl }), userId: user.id });
  }
}

/** An invitation, to an address that may have no account yet: in the commune's language. */
export async function sendInvitation(
  tx: Tx,
  invitation: { id: string; tenantId: string; locale: string | null; to: { kind: 'email' | 'phone'; value: string } },
  words: { commune: string; inviter: string; role: string },
  url: string,
) {
  const locale = localeOf(invitation.locale);
  const t = translatorFor(locale);
  const role = t(`auth:roles.${words.role as 'official'}`);
  const ref = `invitation:${invitation.id}`;
  if (invitation.to.kind === 'email') {
    const job: MailJob = {
      ref,
      to: invitation.to.value,
      locale,
      subject: t('auth:messages.invitation.subject', { commune: words.commune }),
      lines: [t('auth:messages.invitation.body', { name: words.inviter, commune: words.commune, role }), t('auth:messages.invitation.verifyFirst')],
      action: { label: t('auth:messages.invitation.action'), url },
      essential: true,
    };
    await enqueue(tx, MAIL_JOB, job, { key: ref, tenantId: invitation.tenantId });
  } else {
    const job: SmsJob = {
      ref,
      to: invitation.to.value,
      locale,
      text: t('auth:messages.invitationSms', { name: words.inviter, commune: words.commune, role, url }),
    };
    await enqueue(tx, SMS_JOB, job, { key: ref, tenantId: invitation.tenantId });
  }
}
