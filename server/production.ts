// Baan's production server: applies migrations (and seeds an empty embedded database) before
// listening, then serves the built app. Pages go straight from Node's HTTP server to React Router
// (server/pages.ts); files (fingerprinted assets, favicon, …) go through a small Express app with
// compression and long-lived caching. Started by server/start.ts, which sets NODE_ENV first.
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import compression from 'compression';
import express from 'express';
import type { ServerBuild } from 'react-router';
import type { ServerConfig } from './config.ts';
import { requestProtocol } from './http-bridge.ts';
import { PageCache } from './page-cache.ts';
import { baanEntry, isFile, pagesHandler } from './pages.ts';

/** What a shutdown stops besides the HTTP server: the job worker the app's entry started. */
let stopBackground: () => Promise<void> = async () => {};
export const stopJobs = () => stopBackground();

export async function serveProduction(config: ServerConfig): Promise<http.Server> {
  const started = performance.now();
  const { buildDir, trustProxy } = config;
  const build = (await import(pathToFileURL(path.join(buildDir, 'server/index.js')).href)) as ServerBuild;
  const entry = baanEntry(build);
  const { kind } = await entry.prepare({ localOrigin: `http://localhost:${config.port}` });
  stopBackground = () => entry.stopJobs();

  const policy = entry.pageCachePolicy();
  const pageCache = policy.seconds > 0 ? new PageCache(policy, { trustProxy }) : null;
  const pages = pagesHandler(build, { mode: process.env.NODE_ENV ?? 'production', trustProxy, pageCache });

  const files = express();
  files.disable('x-powered-by');
  // Files carry the same security headers as pages (nosniff, framing, referrer, permissions, a CSP
  // with no inline script, HSTS over TLS), by the app's own rules; the scheme is the one the
  // bridge gives a page's URL.
  files.use((req, res, next) => {
    for (const [name, value] of Object.entries(entry.staticFileHeaders(`${requestProtocol(req, trustProxy)}:`))) res.setHeader(name, value);
    next();
  });
  files.use(compression());
  // Fingerprinted build assets never change: cache them for a year.
  files.use('/assets', express.static(path.join(buildDir, 'client/assets'), { immutable: true, maxAge: '1y' }));
  files.use(
    express.static(path.join(buildDir, 'client'), {
      maxAge: '1h',
      // The service worker must be re-checked on every visit, or fixes reach phones late.
      setHeaders: (res, file) => (file.endsWith(`${path.sep}sw.js`) ? res.setHeader('Cache-Control', 'no-cache') : undefined),
    }),
  );
  // Not a file after all (a media upload, a feed such as news.rss): the app serves it.
  files.use((req, res) => void pages(req, res));

  const server = http.createServer((req, res) => (isFile(req.url ?? '/') ? files(req, res) : void pages(req, res)));
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const ms = Math.round(performance.now() - started);
  console.log(`Baan is serving http://localhost:${config.port} (${kind} database, ready in ${ms} ms)`);
  return server;
}
