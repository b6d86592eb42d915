import { defineJob } from '~/jobs/queue.server.ts';
import { defineSchedule } from '~/jobs/schedules.server.ts';
import { env } from '~/lib/env.server.ts';
import { importDueFeeds } from './news.server.ts';

/**
 * Imports due feeds (every active feed of every commune not imported within FEED_IMPORT_MINUTES),
 * as a job on the schedule of the same period: once per slot, whichever worker takes it.
 */
export const importFeedsJob = defineJob<Record<string, never>>({
  name: 'handbook.import-feeds',
  maxAttempts: 1,
  timeoutMs: 15 * 60_000,
  async handler({ db }) {
    const minutes = env.feedImportMinutes;
    if (!minutes) return;
    await importDueFeeds(db, minutes * 60_000);
  },
});

/** FEED_IMPORT_MINUTES (default 60; 0 turns it off). */
export const importFeedsSchedule = defineSchedule({
  name: 'handbook.import-feeds',
  every: () => env.feedImportMinutes || null,
  job: importFeedsJob,
});
