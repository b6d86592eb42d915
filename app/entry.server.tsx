import { Writable } from 'node:stream';
import { renderToPipeableStream, renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { ServerRouter, type EntryContext, type RouterContextProvider } from 'react-router';
import { getI18n } from '~/i18n/translator.server.ts';
import { deliveryNotice } from '~/delivery/jobs.server.ts';
import { closeMailTransports } from '~/delivery/transports.server.ts';
import '~/jobs/registry.server.ts';
import { startWorker, stopWorker } from '~/jobs/worker.server.ts';
import { getDatabase } from '~/lib/database.server.ts';
import { registerConsumers } from '~/outbox/relay.server.ts';
import { env, loadEnv, publicUrlWarning, setLocalOrigin } from '~/lib/env.server.ts';
import {
  baseSecurityHeaders,
  contentSecurityPolicy,
  isOneClickUnsubscribeTarget,
  personalCookieIn,
  requestNonce,
  staticFileHeaders,
} from '~/lib/security.server.ts';
import { hydratesWith } from '~/ui/route-handle.ts';

/**
 * Opens the database, applies migrations and seeds an empty embedded database. The server
 * (server/production.ts, server/dev.ts) awaits this before it listens, so the first request is already fast.
 */
export async function prepare({ localOrigin }: { localOrigin?: string } = {}): Promise<{ kind: string }> {
  loadEnv(); // a bad setting (a malformed PUBLIC_URL…) stops the start here, not on the first request needing it
  setLocalOrigin(localOrigin ?? null);
  const warning = publicUrlWarning();
  if (warning) console.warn(warning);
  const kept = deliveryNotice(); // also registers the mail and SMS jobs in this process
  if (kept) console.info(kept);
  const database = await getDatabase();
  // Before the first request can write an event: a consumer new to this database starts here (ADR 016).
  await registerConsumers(database.db);
  // The job worker runs in the server's process unless JOBS=off (then `npm run worker` runs it).
  if (env.jobs.enabled) startWorker({ db: database.db, ...env.jobs, wake: (onNotify) => database.listen('baan_jobs', onNotify) });
  return { kind: database.kind };
}

/** Stops the job worker (SIGTERM): running jobs get JOBS_GRACE_MS to finish, the rest are given back. */
export async function stopJobs(): Promise<void> {
  await stopWorker();
  closeMailTransports();
}

/** The security headers of a static file, for server/production.ts (the same rules as the pages'). */
export { staticFileHeaders };

/** The one cross-site POST Baan takes (RFC 8058 one-click unsubscribe), for server/pages.ts. */
export { isOneClickUnsubscribeTarget as acceptsCrossSitePost };

/**
 * The router context a request starts with, holding what only the server knows of it (its
 * client's address, page or data). Made here, in the build, so its keys are the app's own.
 */
export { serverFactsContext as requestContext } from '~/lib/server-facts.ts';

/**
 * Who may share a rendering in the server's page cache (server/page-cache.ts,
 * docs/decisions/002), and for how long: a request with no cookie a page reads, for
 * PAGE_CACHE_SECONDS.
 */
export function pageCachePolicy() {
  return { seconds: env.pageCacheSeconds, personal: personalCookieIn };
}

export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: RouterContextProvider,
) {
  // The nonce this page's inline scripts carry, named in its CSP. The page cache keeps the
  // header with the page, so a shared rendering is always sent with its own nonce.
  const nonce = requestNonce(loadContext);
  for (const [name, value] of Object.entries(baseSecurityHeaders(new URL(request.url).protocol))) responseHeaders.set(name, value);
  responseHeaders.set('Content-Security-Policy', contentSecurityPolicy(nonce));
  if (request.method.toUpperCase() === 'HEAD') {
    return new Response(null, { status: responseStatusCode, headers: responseHeaders });
  }
  const hydrates = hydratesWith(routerContext.staticHandlerContext.matches.map((match) => routerContext.routeModules[match.route.id]?.handle));
  if (!hydrates) {
    // A reading page sends no script, so nothing reads React Router's hand-over of the loader
    // data to the browser. Dropping it before it is read skips encoding it (React Router encodes
    // it on first read: patches/react-router+7.18.4.patch, docs/decisions/010) and rendering it into the page.
    routerContext.serverHandoffStream = undefined;
  }
  const app = (
    <I18nextProvider i18n={getI18n(loadContext)}>
      <ServerRouter context={hydrates ? routerContext : matchedRoutesOnly(routerContext)} url={request.url} nonce={nonce} />
    </I18nextProvider>
  );
  responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
  // Reading pages (no JavaScript) render as one string: the cheapest way React has. A render
  // error throws; React Router then renders the route's error boundary instead.
  if (!hydrates) {
    return new Response(`<!DOCTYPE html>${renderToString(app)}`, { headers: responseHeaders, status: responseStatusCode });
  }
  // Hydrating pages need the streaming renderer (React Router hands over its data through
  // Suspense), but are still sent whole: one buffer, one write, one complete document for
  // phones on weak networks.
  return new Promise<Response>((resolve, reject) => {
    let status = responseStatusCode;
    const { pipe, abort } = renderToPipeableStream(app, {
      nonce,
      onAllReady() {
        const chunks: Buffer[] = [];
        pipe(
          new Writable({
            write(chunk: Buffer, _encoding, done) {
              chunks.push(chunk);
              done();
            },
            final(done) {
              resolve(new Response(Buffer.concat(chunks), { headers: responseHeaders, status }));
              done();
            },
          }),
        );
      },
      onShellError(error) {
        reject(error);
      },
      onError(error) {
        status = 500;
        console.error(error);
      },
    });
    setTimeout(abort, streamTimeout + 1000);
  });
}

// Per build (its manifest's routes), the manifest of each matched branch, by the branch's route ids.
const branchManifests = new WeakMap<object, Map<string, EntryContext['manifest']>>();

/**
 * The render's context with only the matched routes in its manifest, for a page that loads no
 * script. React Router turns every route of the manifest into route objects on each render (a
 * quarter of a millisecond for Baan's hundred routes, a twentieth of an uncached catalogue page);
 * a static render reads only the matched ones, and the browser's part of the manifest goes out
 * only with `<Scripts/>`, which such a page does not render. A branch's manifest is made once
 * (there are as many branches as routes, at most), so React Router's per-manifest work is too.
 */
function matchedRoutesOnly(context: EntryContext): EntryContext {
  const ids = context.staticHandlerContext.matches.map((match) => match.route.id);
  let perBranch = branchManifests.get(context.manifest.routes);
  if (!perBranch) branchManifests.set(context.manifest.routes, (perBranch = new Map()));
  const key = ids.join('\0');
  let manifest = perBranch.get(key);
  if (!manifest) {
    const routes: EntryContext['manifest']['routes'] = {};
    for (const id of ids) routes[id] = context.manifest.routes[id];
    manifest = { ...context.manifest, routes };
    perBranch.set(key, manifest);
  }
  return { ...context, manifest };
}
