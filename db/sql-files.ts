import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Applies the trigger and function bodies in `db/sql/*.sql` after the migrations (see
 * db/sql/README.md): in file-name order, each file with its recorded hash in one implicit
 * transaction (one simple-protocol query), and only when its SHA-256 changed.
 *
 * `run` sends one multi-statement text; `rows` runs one statement and returns its rows.
 */
export async function applySqlFiles(
  folder: string,
  run: (text: string) => Promise<unknown>,
  rows: (text: string) => Promise<{ name: string; hash: string }[]>,
): Promise<string[]> {
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => name.endsWith('.sql')).sort();
  } catch (error) {
    // Without these files the database would lack triggers its rules rely on (published flags,
    // the cover-photo check, search rows): a deployment that misplaced them must not start.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`db/sql: no trigger folder at ${folder} (it must sit beside the migrations folder, as db/sql beside db/migrations)`, { cause: error });
    }
    throw error;
  }
  await run(`CREATE SCHEMA IF NOT EXISTS baan;
CREATE TABLE IF NOT EXISTS baan.sql_files (name text PRIMARY KEY, hash text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());`);
  const applied = new Map((await rows('select name, hash from baan.sql_files')).map((row) => [row.name, row.hash]));
  const changed: string[] = [];
  for (const name of names) {
    // The name and hash are written into the text below: only plain file names are accepted.
    if (!/^[a-z0-9][a-z0-9-]*\.sql$/.test(name)) throw new Error(`db/sql: unexpected file name ${name}`);
    const text = await readFile(path.join(folder, name), 'utf8');
    const hash = createHash('sha256').update(text).digest('hex');
    if (applied.get(name) === hash) continue;
    await run(`${text}
;
INSERT INTO baan.sql_files (name, hash) VALUES ('${name}', '${hash}')
  ON CONFLICT (name) DO UPDATE SET hash = EXCLUDED.hash, applied_at = now();`);
    changed.push(name);
  }
  return changed;
}
