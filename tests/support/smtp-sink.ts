import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A mail that reached the sink: the envelope as the server saw it, and the message parsed. */
export type ReceivedMail = {
  envelopeFrom: string;
  envelopeTo: string[];
  parsed: ParsedMail;
  /** Header names in lower case, each with its value as text. */
  headers: Record<string, string>;
  raw: string;
  /** The DSN parameters of MAIL FROM (RFC 3461), when the client sent them: ENVID and RET. */
  dsn: { envelopeId: string | null; ret: string | null };
};

export type SmtpSink = {
  url: string;
  port: number;
  /** Every mail received so far, oldest first. */
  received: ReceivedMail[];
  /** Mail to this address (case-insensitive). */
  to(address: string): ReceivedMail[];
  /** Answer 550 to RCPT TO for this address from now on (a recipient that does not exist). */
  refuse(address: string): void;
  /** Answer 451 (try again later) to the next `times` RCPT TO for this address. */
  failTemporarily(address: string, times?: number): void;
  /**
   * Accept mail to this address (250), then report it undeliverable as a relay that could not
   * hand it on does: a delivery status notification (RFC 3464) to the envelope sender, made here
   * and handed to `onBounce` (and kept in `bounces`).
   */
  bounceLater(address: string): void;
  /** The bounce reports made so far, raw. */
  bounces: string[];
  reset(): void;
  close(): Promise<void>;
};

/**
 * A real SMTP server on 127.0.0.1 and a random port (smtp-server), accepting any sign-in, that
 * parses what arrives with mailparser. Tests point SMTP_URL at `url`.
 */
export async function startSmtpSink(
  options: {
    port?: number;
    user?: string;
    password?: string;
    /** Called as each mail is accepted (the bench times delivery by it). */ onMail?: (mail: ReceivedMail) => void;
    /** Called with each bounce report made for a `bounceLater` address (the e2e fakes post it to Baan). */
    onBounce?: (raw: string) => void;
    /** Addresses to bounce later without being told one by one (`bounceLater`). */
    bounceLaterWhen?: (address: string) => boolean;
  } = {},
): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const refused = new Set<string>();
  const temporary = new Map<string, number>();
  const later = new Set<string>();
  const bounces: string[] = [];
  const user = options.user ?? 'baan';
  const password = options.password ?? 'sink-secret';

  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    // Speak DSN (RFC 3461) as Postfix and most relays do: the sender may name its envelope and ask for headers only.
    hideDSN: false,
    authOptional: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === password) return callback(null, { user });
      return callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      const to = address.address.toLowerCase();
      if (refused.has(to)) {
        const error = new Error(`5.1.1 <${to}>: Recipient address rejected: User unknown`) as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      const left = temporary.get(to) ?? 0;
      if (left > 0) {
        temporary.set(to, left - 1);
        const error = new Error(`4.7.1 <${to}>: Greylisted, try again later`) as Error & { responseCode: number };
        error.responseCode = 451;
        return callback(error);
      }
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((parsed) => {
            const headers: Record<string, string> = {};
            for (const line of parsed.headerLines) headers[line.key] = line.line.slice(line.line.indexOf(':') + 1).trim();
            const mail: ReceivedMail = {
              envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              envelopeTo: session.envelope.rcptTo.map((r) => r.address),
              parsed,
              headers,
              raw,
              dsn: { envelopeId: session.envelope.dsn?.envid ?? null, ret: session.envelope.dsn?.ret ?? null },
            };
            received.push(mail);
            options.onMail?.(mail);
            callback();
            for (const to of mail.envelopeTo.filter((t) => later.has(t.toLowerCase()) || options.bounceLaterWhen?.(t.toLowerCase()))) {
              const report = bounceReport(mail, to);
              bounces.push(report);
              options.onBounce?.(report);
            }
          })
          .catch((error: Error) => callback(error));
      });
    },
  });

  // A client that dies mid-connection (the bench kills workers with -9) resets its socket: that
  // ends its session, not the server.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') console.error('SMTP sink:', error);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;

  return {
    url: `smtp://${user}:${password}@127.0.0.1:${port}`,
    port,
    received,
    to: (address) => received.filter((m) => m.envelopeTo.some((t) => t.toLowerCase() === address.toLowerCase())),
    refuse: (address) => void refused.add(address.toLowerCase()),
    failTemporarily: (address, times = 1) => void temporary.set(address.toLowerCase(), times),
    bounceLater: (address) => void later.add(address.toLowerCase()),
    bounces,
    reset() {
      received.length = 0;
      bounces.length = 0;
      refused.clear();
      temporary.clear();
      later.clear();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The report a relay (Postfix's wording) mails back for a message it accepted and could not
 * deliver to `to`: multipart/report with a human part, the message/delivery-status part, and the
 * returned headers (RET=HDRS) or the whole message (otherwise).
 */
function bounceReport(mail: ReceivedMail, to: string): string {
  const boundary = `report-${Math.random().toString(36).slice(2)}`;
  const headersOnly = mail.dsn.ret?.toUpperCase() === 'HDRS';
  const headerEnd = mail.raw.search(/\r?\n\r?\n/);
  const returned = headersOnly ? mail.raw.slice(0, headerEnd === -1 ? undefined : headerEnd) : mail.raw;
  return [
    'From: Mail Delivery System <MAILER-DAEMON@sink.baan.test>',
    `To: <${mail.envelopeFrom}>`,
    'Subject: Undelivered Mail Returned to Sender',
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <${Math.random().toString(36).slice(2)}@sink.baan.test>`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'This is the mail system at host sink.baan.test.',
    "I'm sorry to have to inform you that your message could not be delivered to one or more recipients.",
    '',
    `--${boundary}`,
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; sink.baan.test',
    ...(mail.dsn.envelopeId ? [`Original-Envelope-Id: ${mail.dsn.envelopeId}`] : []),
    `Arrival-Date: ${new Date().toUTCString()}`,
    '',
    `Final-Recipient: rfc822; ${to}`,
    `Original-Recipient: rfc822;${to}`,
    'Action: failed',
    'Status: 5.1.1',
    'Remote-MTA: dns; mx.example.org',
    `Diagnostic-Code: smtp; 550 5.1.1 <${to}>: Recipient address rejected:`,
    '    User unknown in virtual mailbox table',
    '',
    `--${boundary}`,
    `Content-Type: ${headersOnly ? 'text/rfc822-headers' : 'message/rfc822'}`,
    '',
    returned,
    `--${boundary}--`,
    '',
  ].join('\r\n');
}
