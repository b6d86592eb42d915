// `npm start` (`node --import tsx server/start.ts`): builds the app when the build is missing or
// older than the sources (so a fresh clone or a pull just works), then starts the production
// server. React and React Router read NODE_ENV when first imported, so it is set before anything
// else loads (the server is imported only afterwards).
import { buildIfNeeded } from './build.ts';
import { readConfig } from './config.ts';

process.env.NODE_ENV ??= 'production';
const config = readConfig();
buildIfNeeded(config);

const { serveProduction, stopJobs } = await import('./production.ts');
const server = await serveProduction(config);

// On SIGTERM the server stops taking requests and the job worker stops claiming; running jobs get
// JOBS_GRACE_MS to finish, the rest are given back to the queue; the process exits when both are done.
let closing = false;
function shutdown() {
  if (closing) return;
  closing = true;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  void Promise.all([closed, stopJobs().catch((error: unknown) => console.error('stopping the job worker failed', error))]).then(() => process.exit(0));
  // The last word: requests still open after the jobs' grace period (and 5 s more) are cut.
  setTimeout(() => process.exit(0), Number(process.env.JOBS_GRACE_MS ?? 10_000) + 5000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
