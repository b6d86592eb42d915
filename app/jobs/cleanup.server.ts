import { sql } from 'drizzle-orm';
import { defineJob } from './queue.server.ts';
import { defineSchedule } from './schedules.server.ts';

/** Days a done job is kept (its key still blocks a second one until then). Failed and dead jobs stay for the operator. */
export const DONE_JOBS_KEPT_DAYS = 7;

export const cleanupJob = defineJob<Record<string, never>>({
  name: 'jobs.cleanup',
  async handler({ db }) {
    await db.execute(sql`delete from jobs where state = 'done' and finished_at < now() - ${DONE_JOBS_KEPT_DAYS} * interval '1 day'`);
  },
});

export const cleanupSchedule = defineSchedule({ name: 'jobs.cleanup', every: 'hour', at: 17, job: cleanupJob });
