import { Writable } from 'node:stream';
import { renderToPipeableStream } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { ServerRouter, type EntryContext, type RouterContextProvider } from 'react-router';
import { getI18n } from '~/i18n/middleware.server.ts';
import { startFeedSchedule } from '~/handbook/feed-schedule.server.ts';
import { getDatabase } from '~/lib/database.server.ts';

export const streamTimeout = 5_000;

/**
 * Opens the database, applies migrations and seeds an empty embedded database. The server
 * (scripts/start.mjs) awaits this before it listens, so the first request is already fast.
 */
export async function prepare(): Promise<{ kind: string }> {
  const database = await getDatabase();
  startFeedSchedule(database.db);
  return { kind: database.kind };
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: RouterContextProvider,
) {
  if (request.method.toUpperCase() === 'HEAD') {
    return new Response(null, { status: responseStatusCode, headers: responseHeaders });
  }
  const i18n = getI18n(loadContext);
  return new Promise<Response>((resolve, reject) => {
    let status = responseStatusCode;
    // Pages are small: rendered whole (no streaming), so phones on weak networks get one complete document.
    const { pipe, abort } = renderToPipeableStream(
      <I18nextProvider i18n={i18n}>
        <ServerRouter context={routerContext} url={request.url} />
      </I18nextProvider>,
      {
        onAllReady() {
          // One buffer, one write: cheaper to compress and send than React's many small chunks.
          const chunks: Buffer[] = [];
          const body = new Writable({
            write(chunk: Buffer, _encoding, done) {
              chunks.push(chunk);
              done();
            },
            final(done) {
              responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
              resolve(new Response(Buffer.concat(chunks), { headers: responseHeaders, status }));
              done();
            },
          });
          pipe(body);
        },
        onShellError(error) {
          reject(error);
        },
        onError(error) {
          status = 500;
          console.error(error);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1000);
  });
}
