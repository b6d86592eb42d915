// One worker process of the delivery bench (tests/bench/delivery.ts): runs the job worker on the
// server database at argv[2] for argv[3] milliseconds, with a schedule every argv[4] seconds whose
// job prints the slot it ran (`ran <key>`); the bench counts each slot's runs across processes.
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '#db/client.ts';
import { defineJob } from '~/jobs/queue.server.ts';
import { defineSchedule } from '~/jobs/schedules.server.ts';
import { startWorker, stopWorker } from '~/jobs/worker.server.ts';

const [url, forMs, everySeconds] = [process.argv[2]!, Number(process.argv[3]), Number(process.argv[4])];
const job = defineJob<Record<string, never>>({
  name: 'bench.slot',
  async handler({ db, jobId }) {
    const [row] = rowsOf<{ key: string }>(await db.execute(sql`select key from jobs where id = ${jobId}`));
    console.log(`ran ${row!.key}`);
  },
});
defineSchedule({ name: 'bench.slot', every: everySeconds / 60, job });

const database = await openDatabase({ databaseUrl: url, max: 4 });
startWorker({ db: database.db, concurrency: 2, pollMs: 100, graceMs: 2000 });
await new Promise((resolve) => setTimeout(resolve, forMs));
await stopWorker();
await database.close();
