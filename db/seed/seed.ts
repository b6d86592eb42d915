import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { count, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { communes, handbookTemplateArticles, handbookTemplateChapters, provinces } from '../schema/index.ts';
import { handbookTemplate } from './handbook-template.ts';
import { provinces as provinceSeeds } from './provinces.ts';

// Seeding runs on the owner connection (no request is involved), the one place besides
// migrations allowed to. Tenant rows are still written with app.tenant_id set, so this also
// works for an owner that is not a superuser (FORCE ROW LEVEL SECURITY applies to owners).

/** Reference data every installation needs (provinces); idempotent, runs on every boot. */
export async function seedReferenceData(database: Database): Promise<void> {
  await seedProvinces(database);
  await seedHandbookTemplate(database);
}

async function seedProvinces(database: Database): Promise<void> {
  await database.db
    .insert(provinces)
    .values(provinceSeeds.map((p) => ({ code: p.code, country: p.country, kind: p.kind, name: p.name, legacyNames: p.legacyNames })))
    .onConflictDoUpdate({
      target: [provinces.country, provinces.code],
      set: { kind: sql`excluded.kind`, name: sql`excluded.name`, legacyNames: sql`excluded.legacy_names` },
    });
}

/**
 * The national template handbook, inserted where missing (an operator's later edits to the
 * template are never overwritten by a restart).
 */
export async function seedHandbookTemplate(database: Database): Promise<void> {
  const { chapters: templateChapters, articles: templateArticles } = handbookTemplate();
  await database.db
    .insert(handbookTemplateChapters)
    .values(templateChapters.map((c, position) => ({ key: c.key, pillar: c.pillar, position, title: c.title, summary: c.summary })))
    .onConflictDoNothing();
  await database.db
    .insert(handbookTemplateArticles)
    .values(
      templateArticles.map((a, position) => ({
        key: a.key,
        chapterKey: a.chapterKey,
        position,
        title: a.title,
        summary: a.summary,
        body: a.body,
        checklist: a.checklist ?? null,
      })),
    )
    .onConflictDoNothing();
}

/** First start on an empty embedded database: seed the demo so there is something to see. */
export async function seedIfEmptyEmbedded(database: Database): Promise<boolean> {
  await seedReferenceData(database);
  if (database.kind !== 'pglite') return false;
  const [row] = await database.db.select({ n: count() }).from(communes);
  if ((row?.n ?? 0) > 0) return false;
  const { seedDemoCommunes } = await loadDemoSeed();
  await seedDemoCommunes(database);
  return true;
}

/**
 * The demo seed (db/seed/demo.ts), loaded only when it is needed, at run time: the server bundle
 * carries no demo account. The module is TypeScript read from the working directory (as the
 * migrations are), so tsx compiles it on the way in; tsx is loaded here only for this.
 */
export async function loadDemoSeed(): Promise<typeof import('./demo.ts')> {
  const { tsImport } = await import('tsx/esm/api');
  const file = pathToFileURL(path.resolve(process.cwd(), 'db/seed/demo.ts')).href;
  return (await tsImport(file, import.meta.url)) as typeof import('./demo.ts');
}
