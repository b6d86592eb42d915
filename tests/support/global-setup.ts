import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '#db/client.ts';
import { seedReferenceData } from '#db/seed/seed.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: a dump of a migrated database that every test file clones. */
    snapshotFile: string | null;
    /** Server Postgres: a migrated template database every test file copies. */
    templateDatabase: string | null;
  }
}

/**
 * Migrates once per run: a PGlite data-directory dump by default, or a template database on
 * the server Postgres named by DATABASE_URL. Each test file then gets its own fresh copy.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = await openDatabase({ databaseUrl: url, max: 1 });
    const template = `baan_template_${process.pid}`;
    try {
      await admin.query(`drop database if exists ${template}`);
      await admin.query(`create database ${template}`);
    } catch (error) {
      await admin.close();
      throw new Error(`DATABASE_URL is set but the server Postgres is unreachable or refused: ${String(error)}`);
    }
    const templateDb = await openDatabase({ databaseUrl: withDatabase(url, template), max: 1 });
    await templateDb.migrate();
    await seedReferenceData(templateDb);
    await templateDb.close();
    project.provide('templateDatabase', template);
    project.provide('snapshotFile', null);
    return async () => {
      await admin.query(`drop database if exists ${template} with (force)`);
      await admin.close();
    };
  }
  const database = await openDatabase({});
  await database.migrate();
  await seedReferenceData(database);
  const dump = await database.pglite!.dumpDataDir('none');
  await database.close();
  const file = path.join(os.tmpdir(), `baan-test-snapshot-${process.pid}.tar`);
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('snapshotFile', file);
  project.provide('templateDatabase', null);
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
