import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { LocaleText } from '../../domain/locale-text.ts';

// A plain type in domain/ (pages read it without the schema); re-exported for the server code.
export type { LocaleText };

/** Platform-wide reference table: provincial units (Vietnam after July 2025, and Thai changwat). */
export const provinces = pgTable(
  'provinces',
  {
    code: text('code').notNull(),
    country: text('country').notNull(),
    kind: text('kind').notNull(),
    name: jsonb('name').$type<LocaleText>().notNull(),
    /** Pre-reform provinces merged into this one: people still write them in addresses. */
    legacyNames: text('legacy_names')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (t) => [
    // Codes are only unique within a country (Vietnamese 15 is not Thai 15).
    primaryKey({ name: 'provinces_pkey', columns: [t.country, t.code] }),
    check('provinces_country_check', sql`${t.country} in ('VN', 'TH')`),
  ],
);

/** The tenant registry. A commune's id is the tenant_id of every tenant-owned row. */
export const communes = pgTable(
  'communes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    country: text('country').notNull(),
    provinceCode: text('province_code').notNull(),
    name: jsonb('name').$type<LocaleText>().notNull(),
    tagline: jsonb('tagline').$type<LocaleText>().notNull().default({}),
    intro: jsonb('intro').$type<LocaleText>().notNull().default({}),
    legacyAddress: text('legacy_address'),
    defaultLocale: text('default_locale').notNull(),
    currency: text('currency').notNull(),
    timeZone: text('time_zone').notNull(),
    centerLat: doublePrecision('center_lat').notNull(),
    centerLon: doublePrecision('center_lon').notNull(),
    zoom: real('zoom').notNull(),
    hostName: text('host_name'),
    coverMediaId: uuid('cover_media_id'),
    /** When on, a seller's new listings wait for an official's approval. */
    marketModeration: boolean('market_moderation').notNull().default(false),
    /** Hours a new payout account waits before QR codes use it, so its seller can see and cancel it. */
    payoutCoolingHours: smallint('payout_cooling_hours').notNull().default(24),
    /** Lower-cased, diacritic-free names in every locale: what the commune search matches. */
    searchText: text('search_text').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('communes_slug_key').on(t.slug),
    uniqueIndex('communes_host_name_key').on(t.hostName),
    index('communes_province_idx').on(t.country, t.provinceCode),
    foreignKey({
      name: 'communes_province_fk',
      columns: [t.country, t.provinceCode],
      foreignColumns: [provinces.country, provinces.code],
    }),
    check('communes_slug_check', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(${t.slug}) between 2 and 63`),
    check('communes_currency_check', sql`${t.currency} in ('VND', 'THB')`),
    check('communes_locale_check', sql`${t.defaultLocale} in ('vi', 'en', 'th')`),
    check('communes_center_check', sql`${t.centerLat} between -90 and 90 and ${t.centerLon} between -180 and 180`),
    check('communes_zoom_check', sql`${t.zoom} between 0 and 22`),
    check('communes_payout_cooling_check', sql`${t.payoutCoolingHours} between 1 and 168`),
  ],
);
