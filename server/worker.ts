// `npm run worker` (`node --import tsx server/worker.ts`): the job worker in a process of its own,
// beside app servers started with JOBS=off. It runs the same build as the app servers (built
// first when needed, as `npm start` does): the entry's `prepare` opens the database, records the
// outbox consumers and starts the worker; no HTTP server is started. It needs server Postgres
// (DATABASE_URL) when app servers run too: an embedded database belongs to the one process that
// opened it. Links in what it sends need PUBLIC_URL (it has no address of its own). SIGTERM stops
// it gracefully: running jobs get JOBS_GRACE_MS to finish, the rest are given back to the queue.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerBuild } from 'react-router';
import { buildIfNeeded } from './build.ts';
import { readConfig } from './config.ts';
import type { BaanEntry } from './pages.ts';

process.env.NODE_ENV ??= 'production';
process.env.JOBS = 'on';
const config = readConfig();
buildIfNeeded(config);

if (!process.env.DATABASE_URL) console.warn('npm run worker without DATABASE_URL works on the embedded database, which no other process may then open.');
const build = (await import(pathToFileURL(path.join(config.buildDir, 'server/index.js')).href)) as ServerBuild;
// React Router reads NODE_ENV when first imported: the build is loaded only after it is set.
const entry = build.entry.module as unknown as BaanEntry;
const { kind } = await entry.prepare();
console.log(`Baan's job worker is running (${kind} database, ${process.env.JOBS_CONCURRENCY ?? 'default'} jobs at once)`);

let closing = false;
async function shutdown() {
  if (closing) return;
  closing = true;
  await entry.stopJobs().catch((error: unknown) => console.error('stopping the job worker failed', error));
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
