import path from 'node:path';
import { z } from 'zod';

/**
 * The database's settings, read from the environment. The app's own settings
 * (app/lib/env.server.ts) build on this, so db/ never imports app/; the command-line tools
 * (`npm run db:migrate`, `npm run db:seed`) read the same values the server does.
 */

/** Unset and empty are the same: nothing configured. */
const optionalText = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined);

export const dbEnvSchema = z.object({
  /** Server Postgres; unset means the embedded database (PGlite). */
  DATABASE_URL: optionalText.refine((value) => value === undefined || /^postgres(ql)?:\/\//i.test(value), {
    message: 'must be a PostgreSQL connection string such as postgres://user:password@host:5432/baan',
  }),
  /** Where Baan keeps its files (uploads, the embedded database); default `.data`. */
  DATA_DIR: z.string().optional(),
  /** The embedded database's directory; default `<DATA_DIR>/pglite`. `memory://` keeps it in memory. */
  PGLITE_DIR: z.string().optional(),
  /** The committed migrations; default `db/migrations` under the working directory. */
  MIGRATIONS_DIR: z.string().optional(),
});

export type DbEnv = {
  databaseUrl: string | undefined;
  dataDir: string;
  pgliteDir: string;
  migrationsDir: string;
};

export type EnvSource = Record<string, string | undefined>;

/** A failed parse as one message naming every bad setting, for the operator starting Baan. */
export class EnvError extends Error {
  constructor(issues: z.ZodError['issues']) {
    const lines = issues.map((issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`);
    super(`Baan cannot start: the environment has ${issues.length === 1 ? 'a bad setting' : 'bad settings'}\n${lines.join('\n')}`);
    this.name = 'EnvError';
  }
}

/** The database settings of `source` (process.env by default); throws an EnvError naming every bad value. */
export function parseDbEnv(source: EnvSource = process.env): DbEnv {
  const parsed = dbEnvSchema.safeParse(source);
  if (!parsed.success) throw new EnvError(parsed.error.issues);
  return toDbEnv(parsed.data);
}

export function toDbEnv(raw: z.output<typeof dbEnvSchema>): DbEnv {
  const dataDir = path.resolve(raw.DATA_DIR ?? '.data');
  return {
    databaseUrl: raw.DATABASE_URL,
    dataDir,
    pgliteDir: raw.PGLITE_DIR ?? path.join(dataDir, 'pglite'),
    migrationsDir: raw.MIGRATIONS_DIR ?? path.resolve(process.cwd(), 'db/migrations'),
  };
}

let loaded: DbEnv | undefined;

/** The database settings, parsed on first use and kept. */
export function dbEnv(): DbEnv {
  return (loaded ??= parseDbEnv());
}

/** Forgets the parsed settings (tests that change process.env). */
export function resetDbEnv(): void {
  loaded = undefined;
}
