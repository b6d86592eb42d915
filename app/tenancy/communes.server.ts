import { and, asc, eq, sql } from 'drizzle-orm';
import { communes, provinces, type LocaleText } from '#db/schema/index.ts';
import { enterTenant, platformScope, withTenant, type Scope, type CommuneScope } from '#db/scope.ts';
import { communeSearchText } from '#db/text.ts';
import type { Db } from '#db/client.ts';
import { createCache, ownerKey } from '~/lib/cache.server.ts';
import { AppError } from '~/lib/errors.ts';
import type { Locale } from '~/i18n/config.ts';
import { foldForSearch, localized, RESERVED_SLUGS, type Commune } from './commune.ts';
import type { CommuneInput, CommuneProfileInput } from './schemas.ts';
import { forgetCommunes, memoCommune } from './commune-cache.server.ts';
import { copyTemplateInto } from '~/handbook/template.server.ts';

const communeColumns = {
  id: communes.id,
  slug: communes.slug,
  country: communes.country,
  provinceCode: communes.provinceCode,
  name: communes.name,
  tagline: communes.tagline,
  intro: communes.intro,
  defaultLocale: communes.defaultLocale,
  currency: communes.currency,
  timeZone: communes.timeZone,
  centerLat: communes.centerLat,
  centerLon: communes.centerLon,
  zoom: communes.zoom,
  hostName: communes.hostName,
  coverMediaId: communes.coverMediaId,
};

/** The commune at `/{slug}`, or null (reserved and malformed slugs never reach the database). */
export async function getCommuneBySlug(db: Db, slug: string): Promise<Commune | null> {
  if (RESERVED_SLUGS.has(slug) || !/^[a-z0-9-]{2,63}$/.test(slug)) return null;
  return memoCommune(db, `slug:${slug}`, async () => {
    const [row] = await withTenant(platformScope(db), (tx) => tx.select(communeColumns).from(communes).where(eq(communes.slug, slug)));
    return (row as Commune | undefined) ?? null;
  });
}

/** The commune that mapped this host name (without port), or null. */
export async function getCommuneByHost(db: Db, host: string): Promise<Commune | null> {
  const name = host.toLowerCase().replace(/:\d+$/, '');
  if (!name || name.length > 253) return null;
  return memoCommune(db, `host:${name}`, async () => {
    const [row] = await withTenant(platformScope(db), (tx) => tx.select(communeColumns).from(communes).where(eq(communes.hostName, name)));
    return (row as Commune | undefined) ?? null;
  });
}

export type CommuneCard = {
  slug: string;
  name: LocaleText;
  tagline: LocaleText;
  defaultLocale: Locale;
  coverMediaId: string | null;
  id: string;
};
export type ProvinceGroup = { code: string; country: string; name: LocaleText; legacyNames: string[]; communes: CommuneCard[] };

/**
 * Every commune grouped by province, optionally filtered by a search that ignores case and
 * Vietnamese diacritics and matches names in every language, provinces and pre-reform names.
 */
export async function listCommunesByProvince(db: Db, query: string, locale: Locale): Promise<ProvinceGroup[]> {
  const folded = foldForSearch(query).slice(0, 100);
  const pattern = `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await withTenant(platformScope(db), (tx) =>
    tx
      .select({
        id: communes.id,
        slug: communes.slug,
        name: communes.name,
        tagline: communes.tagline,
        defaultLocale: communes.defaultLocale,
        coverMediaId: communes.coverMediaId,
        provinceCode: provinces.code,
        country: provinces.country,
        provinceName: provinces.name,
        legacyNames: provinces.legacyNames,
      })
      .from(communes)
      .innerJoin(provinces, and(eq(provinces.country, communes.country), eq(provinces.code, communes.provinceCode)))
      .where(folded ? sql`${communes.searchText} like ${pattern}` : undefined)
      .orderBy(asc(provinces.country), asc(communes.slug)),
  );
  const groups = new Map<string, ProvinceGroup>();
  for (const row of rows) {
    const key = `${row.country}-${row.provinceCode}`;
    const group = groups.get(key) ?? { code: row.provinceCode, country: row.country, name: row.provinceName, legacyNames: row.legacyNames, communes: [] };
    group.communes.push({
      id: row.id,
      slug: row.slug,
      name: row.name,
      tagline: row.tagline,
      defaultLocale: row.defaultLocale as Locale,
      coverMediaId: row.coverMediaId,
    });
    groups.set(key, group);
  }
  const label = (g: ProvinceGroup) => g.name[locale] ?? g.name.en ?? g.code;
  const collator = new Intl.Collator(locale);
  return [...groups.values()].sort((a, b) => collator.compare(label(a), label(b)));
}

/** The communes of one province, by name in the reader's language (the catalogue's commune filter). */
export async function listCommunesInProvince(db: Db, country: string, code: string, locale: Locale): Promise<{ slug: string; name: string }[]> {
  const rows = await withTenant(platformScope(db), (tx) =>
    tx
      .select({ slug: communes.slug, name: communes.name, defaultLocale: communes.defaultLocale })
      .from(communes)
      .where(and(eq(communes.country, country), eq(communes.provinceCode, code))),
  );
  const collator = new Intl.Collator(locale);
  return rows.map((c) => ({ slug: c.slug, name: localized(c.name, locale, c.defaultLocale as Locale).text })).sort((a, b) => collator.compare(a.name, b.name));
}

export async function getProvince(db: Db, country: string, code: string) {
  return (await listProvinces(db)).find((p) => p.country === country && p.code === code) ?? null;
}

type Province = typeof provinces.$inferSelect;
const provinceLists = createCache<string, Province[]>('tenancy.provinces', { max: 16, ttlMs: 60_000 });

/** Provinces are reference data that change with a national reform, not a request: memoised a minute (per database). */
export function listProvinces(db: Db): Promise<Province[]> {
  return provinceLists.load(ownerKey(db), () =>
    withTenant(platformScope(db), (tx) => tx.select().from(provinces).orderBy(asc(provinces.country), asc(provinces.code))),
  );
}

/** The operator creates a commune. Reserved or taken slugs and host names are refused. */
export async function createCommune(scope: Scope, input: CommuneInput): Promise<{ id: string; slug: string }> {
  if (RESERVED_SLUGS.has(input.slug)) throw new AppError('invalid', 'tenancy:errors.slugReserved', { field: 'slug' });
  const province = await getProvince(scope.db, input.country, input.provinceCode);
  if (!province) throw new AppError('invalid', 'tenancy:errors.provinceUnknown', { field: 'provinceCode' });
  return withTenant(scope, async (tx) => {
    const [taken] = await tx.select({ id: communes.id }).from(communes).where(eq(communes.slug, input.slug));
    if (taken) throw new AppError('conflict', 'tenancy:errors.slugTaken', { field: 'slug' });
    if (input.hostName) {
      const [hostTaken] = await tx.select({ id: communes.id }).from(communes).where(eq(communes.hostName, input.hostName));
      if (hostTaken) throw new AppError('conflict', 'tenancy:errors.hostTaken', { field: 'hostName' });
    }
    const [row] = await tx
      .insert(communes)
      .values({
        ...input,
        searchText: communeSearchText({
          slug: input.slug,
          name: input.name,
          provinceName: province.name,
          legacyNames: province.legacyNames,
          legacyAddress: input.legacyAddress,
        }),
      })
      .returning({ id: communes.id, slug: communes.slug });
    // A new commune starts with its own copy of the national template handbook.
    await enterTenant(tx, row!.id);
    await copyTemplateInto(tx, row!.id, scope.userId);
    return row!;
  }).finally(() => forgetCommunes(scope.db));
}

/** An official edits the commune's tagline, introduction and cover photo. */
export async function updateCommuneProfile(scope: CommuneScope, input: CommuneProfileInput): Promise<void> {
  await withTenant(scope, async (tx) => {
    await tx
      .update(communes)
      .set({
        tagline: input.tagline,
        intro: input.intro,
        ...(input.coverMediaId !== undefined ? { coverMediaId: input.coverMediaId } : {}),
      })
      .where(eq(communes.id, scope.tenantId));
  });
  forgetCommunes(scope.db);
}
