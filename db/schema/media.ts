import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantPolicies } from './policies.ts';
import { users } from './auth.ts';
import type { ImageRef, MediaVariant } from '../../domain/media.ts';
import { communes } from './tenancy.ts';

// Plain types in domain/ (pages render images without the schema); re-exported for the server code.
export type { ImageRef, MediaVariant };

/** An uploaded image, re-encoded to WebP variants; the files live in the storage backend. */
export const media = pgTable(
  'media',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => communes.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    variants: jsonb('variants').$type<MediaVariant[]>().notNull(),
    sourceType: text('source_type').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    ...tenantPolicies(),
    primaryKey({ name: 'media_pkey', columns: [t.tenantId, t.id] }),
    check('media_source_type_check', sql`${t.sourceType} in ('image/jpeg', 'image/png', 'image/webp')`),
  ],
);
