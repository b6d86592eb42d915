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
  } = {},
): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const refused = new Set<string>();
  const temporary = new Map<string, number>();
  const user = options.user ?? 'baan';
  const password = options.password ?? 'sink-secret';

  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
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
            };
            received.push(mail);
            options.onMail?.(mail);
            callback();
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
    reset() {
      received.length = 0;
      refused.clear();
      temporary.clear();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
