import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { publicRead, tenantPolicies } from './policies.ts';
import { users } from './auth.ts';
import type { ImageRef } from './media.ts';
import { communes, type LocaleText } from './tenancy.ts';
import { INQUIRY_STATUSES, type InquiryStatus } from '../../domain/tourism.ts';

export type PlaceDetails = {
  /** Homestay */
  rooms?: number;
  priceFrom?: number;
  priceTo?: number;
  meals?: boolean;
  wifi?: boolean;
  /** Food */
  dishes?: LocaleText;
  /** Sight, viewpoint, craft village, market */
  fees?: LocaleText;
  bestSeason?: LocaleText;
};

/** A homestay, sight, food place, craft village, market, viewpoint or trail of a commune. */
export const places = pgTable(
  'places',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => communes.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    slug: text('slug').notNull(),
    kind: text('kind').notNull(),
    published: boolean('published').notNull().default(false),
    name: jsonb('name').$type<LocaleText>().notNull(),
    summary: jsonb('summary').$type<LocaleText>().notNull().default({}),
    description: jsonb('description').$type<LocaleText>().notNull().default({}),
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
    details: jsonb('details').$type<PlaceDetails>().notNull().default({}),
    phone: text('phone'),
    zalo: text('zalo'),
    website: text('website'),
    hours: jsonb('hours').$type<LocaleText>().notNull().default({}),
    photos: jsonb('photos').$type<ImageRef[]>().notNull().default([]),
    /** A member with the seller role who runs this place (a homestay host) and may edit it. */
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Trails: the simplified track as [lon, lat, elevation?] points, its length and climb. */
    track: jsonb('track').$type<[number, number, number?][] | null>(),
    lengthM: integer('length_m'),
    gainM: integer('gain_m'),
    searchText: text('search_text').notNull().default(''),
    /** This place's GeoJSON feature up to its name, written by a trigger: the map endpoints only
     * append the name in the reader's language, so thousands of features cost little to serve. */
    featureHead: text('feature_head').notNull().default(''),
    /** The name in the commune's own language, as a JSON string: the feature's name when the
     * reader's language has none. Written by the same trigger. */
    featureName: text('feature_name').notNull().default('""'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    ...tenantPolicies(),
    publicRead('public_read', sql`published`),
    primaryKey({ name: 'places_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('places_slug_key').on(t.tenantId, t.slug),
    check('places_kind_check', sql`${t.kind} in ('homestay', 'sight', 'food', 'craft_village', 'market', 'viewpoint', 'trail')`),
    check('places_slug_check', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(${t.slug}) <= 80`),
    check('places_coordinates_check', sql`${t.lat} between -90 and 90 and ${t.lon} between -180 and 180`),
    check('places_website_check', sql`${t.website} is null or ${t.website} ~ '^https?://'`),
  ],
);

/** Festivals and events, with dates and (usually) a place. */
export const tourismEvents = pgTable(
  'tourism_events',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => communes.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    slug: text('slug').notNull(),
    placeId: uuid('place_id'),
    published: boolean('published').notNull().default(true),
    title: jsonb('title').$type<LocaleText>().notNull(),
    description: jsonb('description').$type<LocaleText>().notNull().default({}),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    /** Optional local start time "HH:MM" (the commune's time zone); all-day when empty. */
    startTime: text('start_time'),
    sequence: integer('sequence').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    ...tenantPolicies(),
    publicRead('public_read', sql`published`),
    primaryKey({ name: 'tourism_events_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('tourism_events_slug_key').on(t.tenantId, t.slug),
    index('tourism_events_upcoming_idx').on(t.tenantId, t.endsOn),
    // Deleting the place clears only place_id: migration 0028 writes it `ON DELETE SET NULL (place_id)`,
    // a column list drizzle cannot declare (a plain SET NULL would also clear tenant_id).
    // Migration 0028 makes this ON DELETE SET NULL (place_id): only the place is cleared, never tenant_id
    // (drizzle cannot declare a column list; keep the hand-written form if this key is regenerated).
    foreignKey({ name: 'tourism_events_place_fk', columns: [t.tenantId, t.placeId], foreignColumns: [places.tenantId, places.id] }).onDelete('set null'),
    check('tourism_events_dates_check', sql`${t.endsOn} >= ${t.startsOn}`),
    check('tourism_events_time_check', sql`${t.startTime} is null or ${t.startTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
  ],
);

// The value list lives in domain/ (plain data pages can load); re-exported for the server code that reads it here.
export { INQUIRY_STATUSES, type InquiryStatus };

/** A tourist's booking inquiry to a homestay. Only the commune (host and officials) reads it. */
export const inquiries = pgTable(
  'inquiries',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => communes.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    placeId: uuid('place_id').notNull(),
    status: text('status').$type<InquiryStatus>().notNull().default('new'),
    checkIn: date('check_in').notNull(),
    checkOut: date('check_out').notNull(),
    guests: integer('guests').notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    email: text('email'),
    message: text('message'),
    locale: text('locale').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    ...tenantPolicies(),
    primaryKey({ name: 'inquiries_pkey', columns: [t.tenantId, t.id] }),
    index('inquiries_place_idx').on(t.tenantId, t.placeId, t.createdAt),
    foreignKey({ name: 'inquiries_place_fk', columns: [t.tenantId, t.placeId], foreignColumns: [places.tenantId, places.id] }).onDelete('cascade'),
    check('inquiries_status_check', sql`${t.status} in ('new', 'replied', 'closed')`),
    check('inquiries_dates_check', sql`${t.checkOut} > ${t.checkIn}`),
    check('inquiries_guests_check', sql`${t.guests} between 1 and 100`),
    check('inquiries_contact_check', sql`${t.phone} is not null or ${t.email} is not null`),
  ],
);
