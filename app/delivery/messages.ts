import { z } from 'zod';
import { LOCALES } from '~/i18n/config.ts';

/**
 * What leaves Baan by e-mail or SMS, as the jobs `mail.send` and `sms.send` carry it. The sender
 * (notifications, account codes, invitations) writes the words in the reader's language when it
 * enqueues the job, so a job is complete in itself; the mail job lays them out as HTML and plain
 * text (app/delivery/). `ref` identifies the message for deduplication (for a notification:
 * outbox event + consumer + recipient + channel): it becomes the job's key and the mail's
 * Message-ID, so a retry after a crash cannot make a second, different message.
 */
export const mailJobSchema = z.object({
  ref: z.string().min(1).max(200),
  to: z.string().email(),
  locale: z.enum(LOCALES),
  subject: z.string().min(1).max(200),
  /** Paragraphs of plain text, in order. */
  lines: z.array(z.string()).min(1),
  /** The one thing to do, as a button (HTML) and a link (text). */
  action: z.object({ label: z.string().min(1), url: z.string().url() }).optional(),
  /** Essential mail (codes, resets, orders' money) carries no unsubscribe link; the rest must. */
  essential: z.boolean(),
  /** One-click unsubscribe (RFC 8058) for non-essential mail: the page that turns this kind off. */
  unsubscribeUrl: z.string().url().optional(),
  /** Who it is for, when they have an account (for the operator's view and the dev mailbox). */
  userId: z.string().uuid().optional(),
});
export type MailJob = z.infer<typeof mailJobSchema>;

export const smsJobSchema = z.object({
  ref: z.string().min(1).max(200),
  /** E.164, e.g. +84912345678. */
  to: z.string().regex(/^\+[1-9][0-9]{6,14}$/),
  locale: z.enum(LOCALES),
  /** As written; the SMS job fits it to one segment where it can (no diacritics in Vietnamese). */
  text: z.string().min(1).max(1000),
  /** How to stop these messages (a guest's unsubscribe link): follows the text, never shortened. */
  stop: z.string().min(1).max(300).optional(),
  userId: z.string().uuid().optional(),
});
export type SmsJob = z.infer<typeof smsJobSchema>;

export const MAIL_JOB = 'mail.send';
export const SMS_JOB = 'sms.send';
