// The one request handler for pages, used by the production server (server/start.ts) and the
// development server (server/dev.ts) alike: a Node request goes through the bridge into React
// Router with the server's facts in its context, and the app's answer goes back out.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequestHandler, type RouterContextProvider, type ServerBuild } from 'react-router';
import type { ServerFacts } from '../app/lib/server-facts.ts';
import { requestProtocol, sendResponse, toRequest } from './http-bridge.ts';
import type { PageCache, PageCachePolicy } from './page-cache.ts';

/** What the server needs from the app's entry (app/entry.server.tsx) beyond React Router's own. */
export type BaanEntry = {
  /** `localOrigin`: where this server is reached on this machine (links in kept mail when PUBLIC_URL is unset). */
  prepare(options?: { localOrigin?: string }): Promise<{ kind: string }>;
  /** Stops the job worker the entry started (server shutdown). */
  stopJobs(): Promise<void>;
  staticFileHeaders(protocol: string): Record<string, string>;
  /** Whether a POST to this path may come from another site (it then reaches the app without its `Origin`). */
  acceptsCrossSitePost(method: string | undefined, pathname: string): boolean;
  requestContext(facts: ServerFacts): RouterContextProvider;
  /** Who may share a rendering, and for how long (server/page-cache.ts); read after `prepare`. */
  pageCachePolicy(): PageCachePolicy;
};

export const baanEntry = (build: ServerBuild) => build.entry.module as unknown as BaanEntry;

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * Pages for `build`: a build (production) or a function that loads the current one (development,
 * through Vite). The request context is made by the build's own entry, so its keys are the very
 * ones the app's modules read. With a page cache, an anonymous reader's page is answered from it
 * when it holds one, before anything else runs, and kept in it after it is sent.
 */
export function pagesHandler(
  build: ServerBuild | (() => Promise<ServerBuild>),
  { mode, trustProxy, pageCache = null }: { mode: string; trustProxy: number; pageCache?: PageCache | null },
): NodeHandler {
  const handleRequest = createRequestHandler(build, mode);
  const currentBuild = typeof build === 'function' ? build : async () => build;
  return async (req, res) => {
    let entry: BaanEntry | null = null;
    try {
      const shared = pageCache?.keyFor(req) ?? null;
      if (shared !== null) {
        const served = pageCache!.serve(shared, req, res);
        if (served === true || (served !== false && (await served))) return;
      }
      entry = baanEntry(await currentBuild());
      // React Router answers an action whose Origin names another site with a bare 400 before
      // Baan's middleware runs; the one cross-site POST Baan takes reaches the app without it.
      const dropOrigin = entry.acceptsCrossSitePost(req.method, (req.url ?? '').split('?', 1)[0]!);
      const bridged = toRequest(req, res, { trustProxy, dropOrigin });
      if (!bridged) {
        res
          .writeHead(400, { ...entry.staticFileHeaders(`${requestProtocol(req, trustProxy)}:`), 'Content-Type': 'text/plain; charset=utf-8' })
          .end('Bad Request');
        return;
      }
      const sent = await sendResponse(req, res, await handleRequest(bridged.request, entry.requestContext(bridged.facts)));
      if (shared !== null && sent) pageCache!.keep(shared, res, sent);
    } catch (error) {
      console.error(error);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // The page's own headers (length, cookies) were set before its body failed: not for this answer.
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      const headers = entry ? entry.staticFileHeaders(`${requestProtocol(req, trustProxy)}:`) : {};
      res.writeHead(500, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Internal Server Error');
    }
  };
}

/** Page URLs have no extension (and `/x.data` is a page's data): they skip the file-system look-up. */
export function isFile(url: string): boolean {
  const pathname = url.split('?', 1)[0]!;
  return pathname.startsWith('/assets/') || (/\.[a-z0-9]+$/i.test(pathname) && !pathname.endsWith('.data'));
}
