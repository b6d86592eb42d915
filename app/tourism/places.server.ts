import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Tx } from '#db/client.ts';
import { communes, memberships, places, users, type PlaceDetails } from '#db/schema/index.ts';
import type { ImageRef } from '#db/schema/media.ts';
import type { LocaleText } from '#db/schema/tenancy.ts';
import { readTenant, withTenant, type Scope, type CommuneScope, type MemberScope } from '#db/scope.ts';
import { fold, slugify } from '#db/text.ts';
import type { Locale } from '~/i18n/config.ts';
import { permits, type PermittedScope, type ViewerScope } from '~/auth/permissions.ts';
import { AppError } from '~/lib/errors.ts';
import { parseIdentifier } from '~/auth/identity.ts';
import { freeSlug, shortSuffix } from '~/lib/slugs.server.ts';
import { recordEvent } from '~/outbox/outbox.server.ts';
import type { Track } from './gpx.server.ts';
import { haversine } from './geo.ts';
import { isPlaceKind, type PlaceCollection, type PlaceKind } from './kinds.ts';
import type { PlaceInput } from './schemas.ts';

export type Bbox = [west: number, south: number, east: number, north: number];
export type PlaceRow = typeof places.$inferSelect;

/** `bbox=west,south,east,north` in degrees (GeoJSON order); null when absent or malformed. */
export function parseBbox(value: string | null): Bbox | null {
  if (!value) return null;
  const parts = value.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return null;
  const [w, s, e, n] = parts as Bbox;
  if (s < -90 || n > 90 || s > n || w < -180 || e > 180 || w > e) return null;
  return [w, s, e, n];
}

/** The kinds asked for in a URL: `?kind=homestay,food` or `?kind=homestay&kind=food` (what the no-JavaScript form sends); unknown ones are ignored. */
export function parseKinds(params: URLSearchParams): PlaceKind[] {
  return [...new Set(params.getAll('kind').flatMap((value) => value.split(',')))].filter(isPlaceKind);
}

function filters(query: { tenantId?: string | null; bbox?: Bbox | null; kinds?: PlaceKind[] }): SQL[] {
  const where: SQL[] = [sql`p.published`];
  if (query.tenantId) where.push(sql`p.tenant_id = ${query.tenantId}::uuid`);
  if (query.bbox) {
    const [w, s, e, n] = query.bbox;
    // The GiST index on point(lon, lat) answers this.
    where.push(sql`point(p.lon, p.lat) <@ box(point(${w}, ${s}), point(${e}, ${n}))`);
  }
  if (query.kinds?.length)
    where.push(
      sql`p.kind in (${sql.join(
        query.kinds.map((k) => sql`${k}`),
        sql`, `,
      )})`,
    );
  return where;
}

/** A place's key on the maps and in their URLs: `{commune}/{place}`. */
export type ListedPlace = {
  key: string;
  id: string;
  slug: string;
  kind: PlaceKind;
  name: LocaleText;
  summary: LocaleText;
  lat: number;
  lon: number;
  cover: ImageRef | null;
  communeSlug: string;
  communeName: LocaleText;
  defaultLocale: Locale;
};

/** Published places for the list beside the map: in a commune or anywhere, inside a box, of some kinds. */
export async function listPlaces(
  scope: Scope,
  query: { tenantId?: string | null; bbox?: Bbox | null; kinds?: PlaceKind[]; limit?: number },
): Promise<ListedPlace[]> {
  const where = filters(query);
  const rows = await readTenant(scope, (tx) =>
    tx.execute(sql`
      select p.id, p.slug, p.kind, p.name, p.summary, p.lat, p.lon, p.photos -> 0 as cover, c.slug as commune_slug, c.name as commune_name, c.default_locale
      from places p join communes c on c.id = p.tenant_id
      where ${sql.join(where, sql` and `)}
      order by p.updated_at desc, p.id
      limit ${query.limit ?? 100}`),
  );
  return rowsOf<Record<string, unknown>>(rows).map((r) => ({
    key: `${r.commune_slug as string}/${r.slug as string}`,
    id: r.id as string,
    slug: r.slug as string,
    kind: r.kind as PlaceKind,
    name: r.name as LocaleText,
    summary: r.summary as LocaleText,
    lat: Number(r.lat),
    lon: Number(r.lon),
    cover: (r.cover as ImageRef | null) ?? null,
    communeSlug: r.commune_slug as string,
    communeName: r.commune_name as LocaleText,
    defaultLocale: r.default_locale as Locale,
  }));
}

/**
 * Published places as an RFC 7946 FeatureCollection, built by Postgres in one value from each
 * place's stored feature head plus its name (much faster than row by row at 10k places):
 * longitude first, slim properties (id, kind, name in the requested language, else English,
 * else the commune's own (readingOrder in app/tenancy/commune.ts), url).
 */
export async function placesGeoJsonText(
  scope: Scope,
  query: { tenantId?: string | null; bbox?: Bbox | null; kinds?: PlaceKind[] },
  locale: Locale,
): Promise<string> {
  const where = filters(query);
  const rows = await readTenant(scope, (tx) =>
    tx.execute(sql`
      select coalesce(string_agg(
        p.feature_head || coalesce(to_json(nullif(p.name ->> ${locale}, ''))::text, to_json(nullif(p.name ->> 'en', ''))::text, p.feature_name) || '}}', ','), '') as features
      from places p
      where ${sql.join(where, sql` and `)}`),
  );
  const [row] = rowsOf<{ features: string }>(rows);
  return `{"type":"FeatureCollection","features":[${row?.features ?? ''}]}`;
}

export async function placesGeoJson(
  scope: Scope,
  query: { tenantId?: string | null; bbox?: Bbox | null; kinds?: PlaceKind[] },
  locale: Locale,
): Promise<PlaceCollection> {
  return JSON.parse(await placesGeoJsonText(scope, query, locale)) as PlaceCollection;
}

/** A published place of the commune, for reading. */
export async function getPlace(scope: CommuneScope, slug: string): Promise<PlaceRow | null> {
  return findPlace(scope, slug, true);
}

/**
 * A place of the commune, published or not, for the editor's guard: it names the place's owner,
 * and the caller grants `place.edit` with that owner before showing or changing anything.
 */
export async function findPlaceToEdit(scope: MemberScope, slug: string): Promise<PlaceRow | null> {
  return findPlace(scope, slug, false);
}

async function findPlace(scope: CommuneScope, slug: string, publishedOnly: boolean): Promise<PlaceRow | null> {
  const [row] = await readTenant(scope, (tx) =>
    tx
      .select()
      .from(places)
      .where(and(eq(places.tenantId, scope.tenantId), eq(places.slug, slug), publishedOnly ? eq(places.published, true) : undefined)),
  );
  return row ?? null;
}

/** Published places near a point (same commune), nearest first. */
export async function nearbyPlaces(scope: CommuneScope, from: { id: string; lat: number; lon: number }, limit = 5) {
  const rows = await readTenant(scope, (tx) =>
    tx
      .select({ id: places.id, slug: places.slug, kind: places.kind, name: places.name, lat: places.lat, lon: places.lon })
      .from(places)
      .where(and(eq(places.tenantId, scope.tenantId), eq(places.published, true), sql`${places.id} <> ${from.id}`))
      .orderBy(sql`(${places.lat} - ${from.lat}) ^ 2 + ((${places.lon} - ${from.lon}) * cos(radians(${from.lat}))) ^ 2`)
      .limit(limit),
  );
  return rows.map((r) => ({ ...r, kind: r.kind as PlaceKind, distanceM: Math.round(haversine([from.lon, from.lat], [r.lon, r.lat])) }));
}

/** Places a person may edit here: all for officials and editors, their own for a seller who hosts. */
export async function listManagedPlaces(scope: ViewerScope) {
  const staff = permits(scope, 'place.manage');
  return withTenant(scope, (tx) =>
    tx
      .select({ id: places.id, slug: places.slug, kind: places.kind, name: places.name, published: places.published, updatedAt: places.updatedAt })
      .from(places)
      .where(and(eq(places.tenantId, scope.tenantId), staff ? undefined : eq(places.ownerUserId, scope.userId)))
      .orderBy(desc(places.updatedAt)),
  );
}

/** How far a point is from the commune's centre, to warn about a location typed or tapped in the wrong place. */
export function distanceFromCommune(commune: { centerLat: number; centerLon: number }, lat: number, lon: number): number {
  return haversine([commune.centerLon, commune.centerLat], [lon, lat]);
}

/** Beyond this distance from the commune's centre a location is probably outside its province. */
export const FAR_FROM_COMMUNE_M = 60_000;

function detailsOf(input: PlaceInput): PlaceDetails {
  switch (input.kind) {
    case 'homestay':
      return { rooms: input.rooms, priceFrom: input.priceFrom, priceTo: input.priceTo, meals: input.meals, wifi: input.wifi };
    case 'food':
      return { dishes: input.dishes };
    default:
      return { fees: input.fees, bestSeason: input.bestSeason };
  }
}

/** The host named by e-mail address or phone number (a phone-only villager can host too), a member of this commune. */
async function ownerIdFor(tx: Parameters<Parameters<typeof withTenant>[1]>[0], tenantId: string, address: string | null): Promise<string | null> {
  if (!address) return null;
  const identifier = parseIdentifier(address);
  if (!identifier) throw new AppError('invalid', 'tourism:errors.ownerUnknown', { field: 'ownerEmail' });
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.tenantId, tenantId)))
    .where(identifier.kind === 'email' ? eq(users.email, identifier.value) : eq(users.phone, identifier.value))
    .limit(1);
  if (!row) throw new AppError('invalid', 'tourism:errors.ownerUnknown', { field: 'ownerEmail' });
  return row.id;
}

/**
 * Creates or updates a place. Officials and editors edit every place (and choose its owner);
 * an owner edits their own place's content only.
 */
export async function savePlace(
  scope: PermittedScope<'place.edit'>,
  existingId: string | null,
  input: PlaceInput,
  photos: ImageRef[],
  track: Track | null | undefined,
): Promise<{ id: string; slug: string }> {
  return withTenant(scope, async (tx) => {
    const base = {
      kind: input.kind,
      name: input.name,
      summary: input.summary,
      description: input.description,
      lat: track ? track.start.lat : input.lat,
      lon: track ? track.start.lon : input.lon,
      details: detailsOf(input),
      phone: input.phone,
      zalo: input.zalo,
      website: input.website,
      hours: input.hours,
      photos,
      published: input.published,
      searchText: fold([...Object.values(input.name), ...Object.values(input.summary)].join(' | ')),
      updatedAt: new Date(),
      ...(track ? { track: track.points, lengthM: track.lengthM, gainM: track.gainM } : {}),
      ...(track === null || input.kind !== 'trail' ? { track: null, lengthM: null, gainM: null } : {}),
    };
    if (existingId) {
      const [current] = await tx
        .select({ ownerUserId: places.ownerUserId, slug: places.slug, published: places.published })
        .from(places)
        .where(and(eq(places.tenantId, scope.tenantId), eq(places.id, existingId)))
        .for('update');
      if (!current || !permits(scope, 'place.edit', { ownerId: current.ownerUserId })) throw new AppError('not_found', 'common:errors.notFound');
      const owner = permits(scope, 'place.manage') ? { ownerUserId: await ownerIdFor(tx, scope.tenantId, input.ownerEmail) } : {};
      await tx
        .update(places)
        .set({ ...base, ...owner })
        .where(and(eq(places.tenantId, scope.tenantId), eq(places.id, existingId)));
      await recordEvent(
        tx,
        scope.tenantId,
        current.published || input.published ? 'place.updated' : 'place.draft_saved',
        { placeId: existingId, slug: current.slug, published: input.published },
        scope.userId,
      );
      return { id: existingId, slug: current.slug };
    }
    if (!permits(scope, 'place.manage')) throw new AppError('not_found', 'common:errors.notFound');
    const slug = await freeSlug(slugify(input.name.vi ?? input.name.en ?? '', `${input.kind.replace('_', '-')}-${shortSuffix()}`), async (candidate) => {
      const [taken] = await tx
        .select({ id: places.id })
        .from(places)
        .where(and(eq(places.tenantId, scope.tenantId), eq(places.slug, candidate)));
      return Boolean(taken);
    });
    const [row] = await tx
      .insert(places)
      .values({ tenantId: scope.tenantId, slug, ...base, ownerUserId: await ownerIdFor(tx, scope.tenantId, input.ownerEmail) })
      .returning({ id: places.id });
    await recordEvent(tx, scope.tenantId, input.published ? 'place.published' : 'place.draft_saved', { placeId: row!.id, slug }, scope.userId);
    return { id: row!.id, slug };
  });
}

/** A host who lost the seller role no longer runs their places: each is unpublished and detached. */
export async function releaseHostedPlaces(tx: Tx, tenantId: string, userId: string, actorId: string): Promise<void> {
  const rows = await tx
    .update(places)
    .set({ published: false, ownerUserId: null, updatedAt: new Date() })
    .where(and(eq(places.tenantId, tenantId), eq(places.ownerUserId, userId)))
    .returning({ id: places.id, slug: places.slug });
  for (const row of rows) await recordEvent(tx, tenantId, 'place.host_removed', { placeId: row.id, slug: row.slug, hostUserId: userId }, actorId);
}

export async function ownerEmailOf(scope: CommuneScope, ownerUserId: string | null): Promise<string> {
  if (!ownerUserId) return '';
  const [row] = await withTenant(scope, (tx) => tx.select({ email: users.email, phone: users.phone }).from(users).where(eq(users.id, ownerUserId)));
  return row ? (row.email ?? row.phone ?? '') : '';
}

/** The drawn line of a published trail (by its map key `{commune}/{place}`), for the map when it is selected. */
export async function trailTrack(scope: Scope, key: string): Promise<[number, number][] | null> {
  const match = /^([a-z0-9-]{2,63})\/([a-z0-9-]{1,80})$/.exec(key);
  if (!match) return null;
  const [, communeSlug, slug] = match;
  const [row] = await readTenant(scope, (tx) =>
    tx
      .select({ track: places.track })
      .from(places)
      .innerJoin(communes, eq(communes.id, places.tenantId))
      .where(and(eq(communes.slug, communeSlug!), eq(places.slug, slug!), eq(places.published, true), eq(places.kind, 'trail'))),
  );
  return row?.track ? row.track.map((p) => [p[0], p[1]] as [number, number]) : null;
}
