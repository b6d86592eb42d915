// Baan's production server: applies migrations (and seeds an empty embedded database) before
// listening, then serves the built app. Pages go straight from Node's HTTP server to React
// Router through scripts/http-bridge.mjs; files (fingerprinted assets, favicon, …) go through
// a small Express app with compression and long-lived caching.
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import compression from 'compression';
import express from 'express';
import { createRequestHandler } from 'react-router';
import { parseTrustProxy, requestProtocol, sendResponse, toRequest } from './http-bridge.mjs';

const started = performance.now();
const buildDir = path.resolve(process.env.BUILD_DIR ?? 'build');
const build = await import(pathToFileURL(path.join(buildDir, 'server/index.js')).href);
const { kind } = await build.entry.module.prepare();
// TRUST_PROXY=N: exactly N proxies stand in front of Baan (see clientAddress in http-bridge.mjs).
const trustProxy = parseTrustProxy(process.env.TRUST_PROXY);

const bridgeOptions = { trustProxy };
/** The app's security headers for an answer the server makes itself (a file, a 400, a 500). */
const securityHeaders = (req) => build.entry.module.staticFileHeaders(`${requestProtocol(req, trustProxy)}:`);
const handleRequest = createRequestHandler(build, process.env.NODE_ENV);

async function pages(req, res) {
  try {
    const request = toRequest(req, res, bridgeOptions);
    if (!request) {
      res.writeHead(400, { ...securityHeaders(req), 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad Request');
      return;
    }
    await sendResponse(req, res, await handleRequest(request));
  } catch (error) {
    console.error(error);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    // The page's own headers (length, cookies) were set before its body failed: not for this answer.
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    res.writeHead(500, { ...securityHeaders(req), 'Content-Type': 'text/plain; charset=utf-8' }).end('Internal Server Error');
  }
}

const files = express();
files.disable('x-powered-by');
// Files carry the same security headers as pages (nosniff, framing, referrer, permissions, a CSP
// with no inline script, HSTS over TLS), by the app's own rules; the scheme is the one the
// bridge gives a page's URL.
files.use((req, res, next) => {
  for (const [name, value] of Object.entries(securityHeaders(req))) res.setHeader(name, value);
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

// Page URLs have no extension (and `/x.data` is a page's data): they skip the file-system look-up.
const isFile = (url) => {
  const pathname = url.split('?', 1)[0];
  return pathname.startsWith('/assets/') || (/\.[a-z0-9]+$/i.test(pathname) && !pathname.endsWith('.data'));
};

const server = http.createServer((req, res) => (isFile(req.url ?? '/') ? files(req, res) : void pages(req, res)));
server.keepAliveTimeout = 5000;

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
server.listen(port, host, () => {
  const ms = Math.round(performance.now() - started);
  console.log(`Baan is serving http://localhost:${port} (${kind} database, ready in ${ms} ms)`);
});

function shutdown() {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
