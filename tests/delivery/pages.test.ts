// The delivery pages rendered on the server from their real loaders' data: what a phone without
// JavaScript receives.
import { randomUUID } from 'node:crypto';
import { createElement, type ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { createRoutesStub, RouterContextProvider } from 'react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '~/auth/session-user.ts';
import AdminMessages, { loader as adminLoader } from '~/delivery/routes/admin-messages.tsx';
import DevMailMessage, { loader as devMessageLoader } from '~/delivery/routes/dev-mail-message.tsx';
import DevMail, { loader as devMailLoader } from '~/delivery/routes/dev-mail.tsx';
import { getI18n } from '~/i18n/translator.server.ts';
import { communeContext, databaseContext, userContext } from '~/lib/context.ts';
import { resetEnv } from '~/lib/env.server.ts';
import { makeUser } from '#tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/db.ts';

let database: TestDatabase;
let operator: SessionUser;
let keptId: string;
const jobId = randomUUID();
const savedNodeEnv = process.env.NODE_ENV;

beforeAll(async () => {
  process.env.NODE_ENV = 'development';
  resetEnv();
  database = await createTestDatabase();
  const user = await makeUser(database);
  operator = { id: user.id, email: user.email, displayName: user.email, phone: null, isOperator: true, sessionId: 's' };
  await database.query(
    `insert into outbound_messages (channel, ref, to_address, locale, status, provider_answer, attempts, job_id) values ('sms', $1, '+84912345678', 'vi', 'failed', '500 {"error":"upstream <down>"}', 6, $2)`,
    [randomUUID(), jobId],
  );
  [{ id: keptId }] = (await database.query<{ id: string }>(
    `insert into outbound_messages (channel, ref, to_address, locale, subject, body, html, headers, status)
     values ('mail', $1, 'lan@example.org', 'vi', 'Đơn hàng mới', 'Xem đơn hàng: https://baan.example.org/o/1', $2, '{"List-Unsubscribe-Post":"List-Unsubscribe=One-Click"}', 'kept') returning id`,
    [randomUUID(), '<!DOCTYPE html><html lang="vi"><body><p>Có "đơn" mới</p><script>alert(1)</script></body></html>'],
  )) as [{ id: string }];
});
afterAll(async () => {
  if (savedNodeEnv === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = savedNodeEnv;
  resetEnv();
  await database.close();
});

const contextFor = (user: SessionUser | null) => {
  const context = new RouterContextProvider();
  context.set(databaseContext, database);
  context.set(userContext, user);
  context.set(communeContext, null);
  return context;
};

async function render(
  path: string,
  pattern: string,
  Component: ComponentType<never>,
  loader: (args: never) => Promise<unknown>,
  params: Record<string, string> = {},
) {
  const data = await loader({ request: new Request(`http://localhost${path}`), context: contextFor(operator), params, unstable_pattern: pattern } as never);
  const Stub = createRoutesStub([{ id: 'page', path: pattern, Component: Component as never, loader: () => data }]);
  return renderToString(
    createElement(
      I18nextProvider,
      { i18n: getI18n(new RouterContextProvider()) },
      createElement(Stub, { initialEntries: [path], hydrationData: { loaderData: { page: data } } }),
    ),
  );
}

describe('delivery pages, server-rendered', () => {
  it('/admin/messages: counts tables with captions and headers, a GET search form, failures with the answer and job id', async () => {
    const html = await render('/admin/messages?q=%2B84%20912%20345%20678', '/admin/messages', AdminMessages as never, adminLoader as never);
    expect(html).toContain('<h1>Message delivery</h1>');
    expect(html).toContain('<caption>Last 24 hours</caption>');
    expect(html).toContain('<th scope="row">SMS</th>');
    expect(html).toMatch(/<form role="search"[^>]*action="\/admin\/messages" method="get">/);
    expect(html).toContain('<label for="message-search" class="visually-hidden">Search by address or phone number</label>');
    expect(html).toContain('Messages to “+84 912 345 678”');
    expect(html).toContain('500 {&quot;error&quot;:&quot;upstream &lt;down&gt;&quot;}');
    expect(html).toContain(`<code>${jobId}</code>`);
  });

  it('/dev/mail lists the kept message with a link to it', async () => {
    const html = await render('/dev/mail', '/dev/mail', DevMail as never, devMailLoader as never);
    expect(html).toContain('<h1>Kept messages</h1>');
    expect(html).toContain(`href="/dev/mail/${keptId}"`);
    expect(html).toContain('Đơn hàng mới');
  });

  it('/dev/mail/:id shows the HTML in a sandboxed srcdoc frame, the text part and the headers', async () => {
    const html = await render(`/dev/mail/${keptId}`, '/dev/mail/:id', DevMailMessage as never, devMessageLoader as never, { id: keptId });
    expect(html).toMatch(/<iframe title="Preview of the e-mail" sandbox="" srcDoc="&lt;!DOCTYPE html&gt;/);
    // The message's markup is an attribute value here, never markup of the page itself.
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('Xem đơn hàng: https://baan.example.org/o/1');
    expect(html).toContain('<dt>List-Unsubscribe-Post</dt>');
  });
});
