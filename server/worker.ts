// `npm run worker` (`node --import tsx server/worker.ts`): the job worker in a process of its own,
// beside app servers started with JOBS=off. It needs server Postgres (DATABASE_URL): an embedded
// database belongs to the one process that opened it. SIGTERM stops it gracefully: running jobs
// get JOBS_GRACE_MS to finish, the rest are given back to the queue.
import '../app/jobs/registry.server.ts';
import { closeMailTransports } from '../app/delivery/transports.server.ts';
import { startWorker, stopWorker } from '../app/jobs/worker.server.ts';
import { getDatabase } from '../app/lib/database.server.ts';
import { loadEnv } from '../app/lib/env.server.ts';
import { registerConsumers } from '../app/outbox/relay.server.ts';

const env = loadEnv();
if (!env.databaseUrl) console.warn('npm run worker without DATABASE_URL works on the embedded database, which no other process may then open.');
const database = await getDatabase();
await registerConsumers(database.db);
const worker = startWorker({ db: database.db, ...env.jobs, wake: (onNotify) => database.listen('baan_jobs', onNotify) });
console.log(`Baan's job worker ${worker.id} is running (${database.kind} database, ${env.jobs.concurrency} at once)`);

let closing = false;
async function shutdown() {
  if (closing) return;
  closing = true;
  await stopWorker().catch((error: unknown) => console.error('stopping the job worker failed', error));
  closeMailTransports();
  await database.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
