// `npm run dev` (`node --import tsx server/dev.ts`): the same page handler as production
// (server/pages.ts: the bridge, the server facts in the router context, whole-page answers),
// with Vite in middleware mode in front of it for modules, hot reload and public files. The app
// is reloaded through Vite on every request, so an edit shows on the next one. The page cache
// is off unless PAGE_CACHE_SECONDS says otherwise, so an edit is never hidden for a few seconds.
import http from 'node:http';
import type { ServerBuild } from 'react-router';
import { createServer as createViteServer } from 'vite';
import { readConfig } from './config.ts';
import { PageCache } from './page-cache.ts';
import { baanEntry, pagesHandler } from './pages.ts';

process.env.NODE_ENV ??= 'development';
process.env.PAGE_CACHE_SECONDS ??= '0';
// Vite's dev server serves source files: it listens on this machine only unless HOST says otherwise.
const config = readConfig(process.env, '127.0.0.1');

const vite = await createViteServer({ server: { middlewareMode: true }, appType: 'custom' });
const load = () => vite.ssrLoadModule('virtual:react-router/server-build') as Promise<ServerBuild>;
const entry = baanEntry(await load());
const { kind } = await entry.prepare({ localOrigin: `http://localhost:${config.port}` });
const policy = entry.pageCachePolicy();
const pageCache = policy.seconds > 0 ? new PageCache(policy, { trustProxy: config.trustProxy }) : null;
const pages = pagesHandler(load, { mode: 'development', trustProxy: config.trustProxy, pageCache });

const server = http.createServer((req, res) => vite.middlewares(req, res, () => void pages(req, res)));
server.listen(config.port, config.host, () => {
  console.log(`Baan (development) is serving http://localhost:${config.port} (${kind} database)`);
});

async function shutdown() {
  server.close();
  server.closeIdleConnections();
  await vite.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
