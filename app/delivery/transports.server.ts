import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { env } from '~/lib/env.server.ts';
import type { RenderedMail } from './mail-render.ts';

/**
 * The two ways a message leaves Baan: mail through an SMTP server (SMTP_URL, MAIL_FROM) and SMS
 * through an HTTP gateway (SMS_GATEWAY_URL, SMS_GATEWAY_TOKEN). Either may be absent: the job
 * then keeps the message in outbound_messages instead (app/delivery/jobs.server.ts).
 */

// ---- mail

export type OutgoingMail = {
  to: string;
  subject: string;
  rendered: RenderedMail;
  headers: Record<string, string>;
  messageId: string;
};
export type MailAccepted = { providerId: string; answer: string };

/** The mail server refused the recipient for good (5xx): do not try again. */
export class MailRefusedError extends Error {
  override name = 'MailRefusedError';
}

/** A domain for Message-IDs: MAIL_FROM's. */
export function mailDomain(from: string): string {
  const match = /@([^>\s]+)>?\s*$/.exec(from);
  return (match?.[1] ?? 'baan.localhost').toLowerCase();
}

/**
 * The Message-ID of the message with this ref: the same on every attempt, so a mail sent twice
 * after a crash (sent, then the process died before recording it) is one message to the reader's
 * mail program. The ref is hashed: it may hold ids that are nobody else's business.
 */
export async function messageIdFor(ref: string, from: string = env.mailFrom): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`baan-mail:${ref}`)));
  const hex = [...digest.slice(0, 20)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `<${hex}@${mailDomain(from)}>`;
}

/** The headers a mail carries besides the usual ones: List-Unsubscribe (RFC 2369/8058) for non-essential mail. */
export function mailHeaders(unsubscribeUrl: string | null): Record<string, string> {
  if (!unsubscribeUrl) return {};
  return { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

const transports = new Map<string, Transporter<SMTPTransport.SentMessageInfo>>();

function transportFor(url: string): Transporter<SMTPTransport.SentMessageInfo> {
  let transport = transports.get(url);
  if (!transport) {
    // nodemailer reads smtp(s)://user:password@host:port itself; a pool keeps connections open between jobs.
    const parsed = new URL(url);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
    transport = nodemailer.createTransport({
      host: parsed.hostname,
      port: parsed.port ? Number(parsed.port) : parsed.protocol === 'smtps:' ? 465 : 587,
      secure: parsed.protocol === 'smtps:',
      // A password never crosses the network in clear: smtp:// with credentials must upgrade with STARTTLS (loopback excepted).
      requireTLS: parsed.protocol === 'smtp:' && Boolean(parsed.username) && !loopback,
      auth: parsed.username ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } : undefined,
      pool: true,
      maxConnections: 2,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 30_000,
    });
    transports.set(url, transport);
  }
  return transport;
}

/** Closes the pooled SMTP connections (tests, shutdown). */
export function closeMailTransports(): void {
  for (const transport of transports.values()) transport.close();
  transports.clear();
}

type SmtpError = Error & { responseCode?: number; response?: string; code?: string };

/**
 * Hands one mail to the SMTP server. Resolves with the server's answer when it accepted it;
 * throws MailRefusedError when it refused the recipient or the message for good (a 5xx answer);
 * any other error (4xx, connection, timeout) is thrown as it is, for the job to be tried again.
 */
export async function sendMail(smtpUrl: string, from: string, mail: OutgoingMail): Promise<MailAccepted> {
  try {
    const info = await transportFor(smtpUrl).sendMail({
      from,
      to: mail.to,
      subject: mail.subject,
      text: mail.rendered.text,
      html: mail.rendered.html,
      messageId: mail.messageId,
      headers: mail.headers,
      // Where the server speaks DSN (RFC 3461): a later bounce names the message by this envelope
      // id (the Message-ID's hash) and returns its headers only, never its text (app/delivery/bounces.server.ts).
      dsn: { id: mail.messageId.slice(1, mail.messageId.indexOf('@')), return: 'headers', notify: ['failure', 'delay'], recipient: mail.to },
    });
    if (info.rejected.length > 0) throw new MailRefusedError(`refused: ${info.rejected.join(', ')} (${info.response})`);
    return { providerId: info.messageId, answer: info.response };
  } catch (error) {
    const smtp = error as SmtpError;
    if (error instanceof MailRefusedError) throw error;
    if (typeof smtp.responseCode === 'number' && smtp.responseCode >= 500 && smtp.responseCode < 600) {
      throw new MailRefusedError(smtp.response ?? smtp.message);
    }
    throw error;
  }
}

// ---- SMS

export type SmsAccepted = { providerId: string | null; answer: string };

/** The gateway refused the message for good (4xx: a bad number, a bad token): do not try again. */
export class SmsRefusedError extends Error {
  override name = 'SmsRefusedError';
}

/** One provider interface: every SMS gateway Baan talks to is an adapter of this. */
export interface SmsProvider {
  /**
   * Sends `text` to `to` (E.164). `ref` is the message's stable reference: gateways that take an
   * idempotency key get it, so a retry is not a second SMS. Resolves when the gateway accepted
   * the message; throws SmsRefusedError when it refused it for good, anything else to retry.
   */
  send(to: string, text: string, ref: string, options: { unicode: boolean; signal?: AbortSignal }): Promise<SmsAccepted>;
}

const ANSWER_LIMIT = 500;
const SMS_TIMEOUT_MS = 15_000;
const RETRYABLE_4XX = new Set([401, 403, 408, 429]);

/**
 * The HTTP adapter: a JSON POST `{ to, text, ref, unicode }` with `Authorization: Bearer <token>`
 * — the shape Vietnamese and Thai SMS gateways take (a small relay script adapts any other).
 * 2xx: accepted, the provider's id read from `id` or `messageId` in the JSON answer; any other
 * 4xx (a number the gateway will not take, a text it refuses): refused for good; 5xx, timeout, no
 * connection, and also 401/403 (Baan's token is wrong: the operator fixes the setting, and the
 * messages waiting go out then), 408 and 429: try again.
 *
 * The gateway is the operator's own setting, not an address a user typed, so this is a plain
 * fetch with a timeout rather than outbound-http.server.ts (which refuses private addresses: a
 * gateway on the operator's own network is legitimate).
 */
export function httpSmsProvider(gateway: { url: string; token: string }): SmsProvider {
  return {
    async send(to, text, ref, { unicode, signal }) {
      const timeout = AbortSignal.timeout(SMS_TIMEOUT_MS);
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${gateway.token}`, 'idempotency-key': ref },
        body: JSON.stringify({ to, text, ref, unicode }),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        redirect: 'error',
      });
      const body = (await response.text()).slice(0, ANSWER_LIMIT);
      const answer = `${response.status} ${body}`.trim();
      if (response.ok) {
        let providerId: string | null = null;
        try {
          const parsed = JSON.parse(body) as { id?: unknown; messageId?: unknown };
          const id = parsed.id ?? parsed.messageId;
          providerId = typeof id === 'string' || typeof id === 'number' ? String(id) : null;
        } catch {
          // An answer that is not JSON still means accepted.
        }
        return { providerId, answer };
      }
      if (response.status >= 400 && response.status < 500 && !RETRYABLE_4XX.has(response.status)) throw new SmsRefusedError(answer);
      throw new Error(`SMS gateway answered ${answer}`);
    },
  };
}

/** The configured SMS provider, or null when SMS are kept instead (no SMS_GATEWAY_URL). */
export function configuredSmsProvider(): SmsProvider | null {
  return env.smsGateway ? httpSmsProvider(env.smsGateway) : null;
}
