// The delivery fakes as one process, for the Playwright run (playwright.config.ts starts it as
// a webServer): a real SMTP server and the fake SMS gateway on loopback, and a small HTTP server
// that says what arrived, so a journey can read the mail or SMS it caused (tests/e2e/support.ts:
// readMail, readSms).
//
//   tsx tests/support/fakes.ts        FAKES_HTTP_PORT (3220), FAKES_SMTP_PORT (3221), FAKES_SMS_PORT (3222), FAKES_SMS_TOKEN,
//                                     FAKES_BOUNCE_URL, FAKES_BOUNCE_TOKEN
//
// The SMTP server plays a relay that accepts everything: mail to an address whose local part
// begins with `bounce-later` is accepted (250), then reported undeliverable, as a real relay does,
// by a bounce report (RFC 3464) POSTed to FAKES_BOUNCE_URL (Baan's /hooks/mail/bounces).
//
//   GET /mail?to=address  → [{ to, from, subject, text, html, messageId, headers }] oldest first
//   GET /sms?to=+849…     → [{ to, text, ref, unicode, id }]
//   GET /healthz          → ok
import { createServer } from 'node:http';
import { startSmsGateway } from './sms-gateway.ts';
import { startSmtpSink } from './smtp-sink.ts';

const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

const bounceUrl = process.env.FAKES_BOUNCE_URL;
const smtp = await startSmtpSink({
  port: port('FAKES_SMTP_PORT', 3221),
  bounceLaterWhen: (address) => address.startsWith('bounce-later'),
  onBounce(report) {
    if (!bounceUrl) return;
    // After the 250, as a relay's bounce comes: never in the sender's SMTP session.
    setTimeout(() => {
      fetch(bounceUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'message/rfc822', Authorization: `Bearer ${process.env.FAKES_BOUNCE_TOKEN ?? ''}` },
        body: report,
      })
        .then((response) => (response.ok ? undefined : console.error(`Delivery fakes: the bounce hook answered ${response.status}`)))
        .catch((error: unknown) => console.error('Delivery fakes: posting a bounce failed', error));
    }, 200);
  },
});
const sms = await startSmsGateway({ port: port('FAKES_SMS_PORT', 3222), token: process.env.FAKES_SMS_TOKEN ?? 'e2e-sms-token' });

const http = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const to = url.searchParams.get('to') ?? '';
  const json = (body: unknown) => {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify(body));
  };
  if (url.pathname === '/healthz') {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end('ok');
  } else if (url.pathname === '/mail') {
    json(
      (to ? smtp.to(to) : smtp.received).map((m) => ({
        to: m.envelopeTo,
        from: m.envelopeFrom,
        subject: m.parsed.subject ?? '',
        text: m.parsed.text ?? '',
        html: typeof m.parsed.html === 'string' ? m.parsed.html : '',
        messageId: m.parsed.messageId ?? '',
        headers: m.headers,
      })),
    );
  } else if (url.pathname === '/sms') {
    json((to ? sms.to(to) : sms.received).map(({ authorization: _, ...m }) => m));
  } else {
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  }
});
http.listen(port('FAKES_HTTP_PORT', 3220), '127.0.0.1', () => {
  console.log(`Delivery fakes: SMTP ${smtp.url}, SMS ${sms.url}, read at http://127.0.0.1:${port('FAKES_HTTP_PORT', 3220)}/mail?to=…`);
});

const stop = () => {
  http.close();
  void Promise.all([smtp.close(), sms.close()]).finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
