// Baan's production server: applies migrations (and seeds an empty embedded database) before
// listening, then serves the built app with compression and long-lived caching for assets.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequestHandler } from '@react-router/express';
import compression from 'compression';
import express from 'express';

const started = performance.now();
const buildDir = path.resolve(process.env.BUILD_DIR ?? 'build');
const build = await import(pathToFileURL(path.join(buildDir, 'server/index.js')).href);
const { kind } = await build.entry.module.prepare();

const app = express();
app.disable('x-powered-by');
if (process.env.TRUST_PROXY === '1') app.set('trust proxy', true);
app.use(compression());
// Fingerprinted build assets never change: cache them for a year.
app.use('/assets', express.static(path.join(buildDir, 'client/assets'), { immutable: true, maxAge: '1y' }));
// Other public files (favicon, …) all have an extension: page URLs skip the file-system look-up.
const publicFiles = express.static(path.join(buildDir, 'client'), {
  maxAge: '1h',
  // The service worker must be re-checked on every visit, or fixes reach phones late.
  setHeaders: (res, file) => (file.endsWith(`${path.sep}sw.js`) ? res.setHeader('Cache-Control', 'no-cache') : undefined),
});
app.use((req, res, next) => (/\.[a-z0-9]+$/i.test(req.path) && !req.path.endsWith('.data') ? publicFiles(req, res, next) : next()));
// The client's address is set here, from the socket (or the trusted proxy), for sign-in throttling;
// whatever a client sent under this name is replaced.
// Likewise whether this is a client-side navigation's data request (`/x.data`), which React
// Router rewrites to `/x` before the app sees it: the page cache must tell the two apart.
app.use((req, _res, next) => {
  req.headers['x-baan-client-address'] = req.ip ?? req.socket.remoteAddress ?? 'unknown';
  req.headers['x-baan-request-kind'] = req.path.endsWith('.data') ? 'data' : 'document';
  next();
});
app.all('*', createRequestHandler({ build, mode: process.env.NODE_ENV }));

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
const server = app.listen(port, host, () => {
  const ms = Math.round(performance.now() - started);
  console.log(`Baan is serving http://localhost:${port} (${kind} database, ready in ${ms} ms)`);
});

function shutdown() {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
