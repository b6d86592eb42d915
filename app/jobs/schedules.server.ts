import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '#db/client.ts';
import { enqueue, type JobDefinition } from './queue.server.ts';

/**
 * Work that recurs (ADR 016): every worker tick enqueues each schedule's current slot as a job
 * with the key `${schedule}:${slot start ISO}` (plus `:${commune}` per commune). The key holds
 * for ever (until `jobs.cleanup` removes done jobs a week old, long after their slot), so a slot
 * runs once however many workers tick, and a restart does not run it again.
 */
export type Every = 'minute' | 'hour' | 'day' | number;

export type ScheduleDefinition<P extends Record<string, unknown>> = {
  name: string;
  /** The period: a minute, an hour, a day, or a number of minutes; a function is read at each tick (null: off). */
  every: Every | (() => Every | null);
  /** Minutes into each period the slot starts (UTC; e.g. 5 with 'hour' is at :05). */
  at?: number;
  job: JobDefinition<P>;
  payload?: P;
  /** One job per commune (run inside it), rather than one for the platform. */
  perCommune?: boolean;
};

const schedules = new Map<string, unknown>();

/** Declares a schedule (once per process, at module load, in a module the registry imports). */
export function defineSchedule<P extends Record<string, unknown>>(definition: ScheduleDefinition<P>): ScheduleDefinition<P> {
  if (schedules.has(definition.name) && schedules.get(definition.name) !== definition) throw new Error(`schedule ${definition.name} is defined twice`);
  schedules.set(definition.name, definition);
  return definition;
}

export function scheduleDefinitions(): ScheduleDefinition<Record<string, unknown>>[] {
  return [...schedules.values()] as unknown as ScheduleDefinition<Record<string, unknown>>[];
}

const minutesOf = (every: Every) => (every === 'minute' ? 1 : every === 'hour' ? 60 : every === 'day' ? 1440 : every);

/** The start of the slot `now` falls in, or null when the schedule is off. */
export function slotStart(schedule: Pick<ScheduleDefinition<Record<string, unknown>>, 'every' | 'at'>, now = new Date()): Date | null {
  const every = typeof schedule.every === 'function' ? schedule.every() : schedule.every;
  if (every === null) return null;
  const minutes = minutesOf(every);
  if (!Number.isFinite(minutes) || minutes <= 0) return null;
  const periodMs = Math.round(minutes * 60_000);
  const offsetMs = Math.round((schedule.at ?? 0) * 60_000) % periodMs;
  return new Date(Math.floor((now.getTime() - offsetMs) / periodMs) * periodMs + offsetMs);
}

/** Slots this process already enqueued: a tick skips them without asking the database. */
const enqueued = new WeakMap<Db, Map<string, number>>();

/** Enqueues the current slot of every schedule not yet enqueued by this process. Returns how many schedules it looked at. */
export async function enqueueDueSchedules(db: Db, now = new Date()): Promise<number> {
  const seen = enqueued.get(db) ?? new Map<string, number>();
  enqueued.set(db, seen);
  let looked = 0;
  for (const schedule of scheduleDefinitions()) {
    const start = slotStart(schedule, now);
    if (!start || seen.get(schedule.name) === start.getTime()) continue;
    looked++;
    const key = `${schedule.name}:${start.toISOString()}`;
    const payload = schedule.payload ?? {};
    if (schedule.perCommune) {
      const communes = rowsOf<{ id: string }>(await db.execute(sql`select id from communes order by id`));
      for (const commune of communes) {
        await db.transaction(async (tx) => {
          // The jobs table's insert policy reads the commune the transaction works in.
          await tx.execute(sql`select set_config('app.tenant_id', ${commune.id}, true)`);
          await enqueue(tx, schedule.job, payload, { tenantId: commune.id, key: `${key}:${commune.id}`, runAt: start });
        });
      }
    } else {
      await enqueue(db, schedule.job, payload, { key, runAt: start });
    }
    seen.set(schedule.name, start.getTime());
  }
  return looked;
}

/** Forgets which slots this process enqueued (tests). */
export function forgetEnqueuedSlots(db: Db): void {
  enqueued.delete(db);
}
