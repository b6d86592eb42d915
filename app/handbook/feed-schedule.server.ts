import type { Db } from '#db/client.ts';
import { env } from '~/lib/env.server.ts';
import { importDueFeeds } from './news.server.ts';

let timer: ReturnType<typeof setInterval> | undefined;

/**
 * Imports due feeds on a schedule, in the server process (FEED_IMPORT_MINUTES, default 60;
 * 0 turns it off). With several app servers, each may import: items are deduplicated by the
 * database (unique guid and link), so a double run only costs a fetch.
 */
export function startFeedSchedule(db: Db): void {
  const minutes = env.feedImportMinutes;
  if (!minutes || timer) return;
  const everyMs = minutes * 60_000;
  const run = () => importDueFeeds(db, everyMs).catch((error) => console.error('feed import failed', error));
  timer = setInterval(run, Math.min(everyMs, 5 * 60_000));
  timer.unref();
  setTimeout(run, 30_000).unref();
}
