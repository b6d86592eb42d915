import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { publicRead, readIndexPolicies, tenantPolicies } from './policies.ts';
import { users } from './auth.ts';
import { PILLARS, type Pillar } from '../../domain/handbook.ts';
import { communes, type LocaleText } from './tenancy.ts';

// The value list lives in domain/ (plain data pages can load); re-exported for the server code that reads it here.
export { PILLARS, type Pillar };

export type TemplateStepData = { title: LocaleText; detail?: LocaleText; link?: { url: string; label: LocaleText } };

// ——— The national template (platform-wide; the operator edits it; copied into each new commune) ———

export const handbookTemplateChapters = pgTable('handbook_template_chapters', {
  key: text('key').primaryKey(),
  pillar: text('pillar').$type<Pillar>().notNull(),
  position: integer('position').notNull(),
  title: jsonb('title').$type<LocaleText>().notNull(),
  summary: jsonb('summary').$type<LocaleText>().notNull().default({}),
});

export const handbookTemplateArticles = pgTable('handbook_template_articles', {
  key: text('key').primaryKey(),
  chapterKey: text('chapter_key')
    .notNull()
    .references(() => handbookTemplateChapters.key),
  position: integer('position').notNull(),
  title: jsonb('title').$type<LocaleText>().notNull(),
  summary: jsonb('summary').$type<LocaleText>().notNull().default({}),
  body: jsonb('body').$type<LocaleText>().notNull(),
  checklist: jsonb('checklist').$type<{ title: LocaleText; steps: TemplateStepData[] } | null>(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

// ——— A commune's own handbook (tenant-owned) ———

export const handbookChapters = pgTable(
  'handbook_chapters',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => communes.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    templateKey: text('template_key'),
    pillar: text('pillar').$type<Pillar>().notNull(),
    position: integer('position').notNull(),
    title: jsonb('title').$type<LocaleText>().notNull(),
    summary: jsonb('summary').$type<LocaleText>().notNull().default({}),
  },
  (t) => [
    ...tenantPolicies(),
    primaryKey({ name: 'handbook_chapters_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('handbook_chapters_template_key').on(t.tenantId, t.templateKey),
    check('handbook_chapters_pillar_check', sql`${t.pillar} in ('government', 'economy', 'society')`),
  ],
);

export const handbookArticles = pgTable(
  'handbook_articles',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => communes.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    chapterId: uuid('chapter_id').notNull(),
    slug: text('slug').notNull(),
    position: integer('position').notNull().default(0),
    templateKey: text('template_key'),
    published: boolean('published').notNull().default(false),
    /** Bumped by every save: an edit based on an older revision is a conflict. */
    revision: integer('revision').notNull().default(1),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    ...tenantPolicies(),
    publicRead('published_read', sql`published`),
    primaryKey({ name: 'handbook_articles_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('handbook_articles_slug_key').on(t.tenantId, t.slug),
    foreignKey({
      name: 'handbook_articles_chapter_fk',
      columns: [t.tenantId, t.chapterId],
      foreignColumns: [handbookChapters.tenantId, handbookChapters.id],
    }).onDelete('cascade'),
    check('handbook_articles_slug_check', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  ],
);

/** One language of an article. `search_text` is the folded title, summary and body. */
export const handbookTranslations = pgTable(
  'handbook_translations',
  {
    tenantId: uuid('tenant_id').notNull(),
    articleId: uuid('article_id').notNull(),
    locale: text('locale').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    body: text('body').notNull(),
    searchText: text('search_text').notNull().default(''),
    /**
     * The article's `published`, copied here by a trigger (db/sql/handbook-published.sql) so the
     * public-read policy needs no subquery (Citus refuses those). Never written by the app.
     */
    articlePublished: boolean('article_published').notNull().default(false),
  },
  (t) => [
    ...tenantPolicies(),
    publicRead('published_read', sql`article_published`),
    primaryKey({ name: 'handbook_translations_pkey', columns: [t.tenantId, t.articleId, t.locale] }),
    foreignKey({
      name: 'handbook_translations_article_fk',
      columns: [t.tenantId, t.articleId],
      foreignColumns: [handbookArticles.tenantId, handbookArticles.id],
    }).onDelete('cascade'),
    check('handbook_translations_locale_check', sql`${t.locale} in ('vi', 'en', 'th')`),
  ],
);

export type RevisionSnapshot = {
  chapterId: string;
  slug: string;
  published: boolean;
  translations: Record<string, { title: string; summary: string; body: string }>;
};

/** Every saved state of an article: who, when, what. Restoring writes a new revision. */
export const handbookRevisions = pgTable(
  'handbook_revisions',
  {
    tenantId: uuid('tenant_id').notNull(),
    articleId: uuid('article_id').notNull(),
    number: integer('number').notNull(),
    snapshot: jsonb('snapshot').$type<RevisionSnapshot>().notNull(),
    action: text('action').notNull(),
    changedLocales: text('changed_locales')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    ...tenantPolicies(),
    primaryKey({ name: 'handbook_revisions_pkey', columns: [t.tenantId, t.articleId, t.number] }),
    foreignKey({
      name: 'handbook_revisions_article_fk',
      columns: [t.tenantId, t.articleId],
      foreignColumns: [handbookArticles.tenantId, handbookArticles.id],
    }).onDelete('cascade'),
    check('handbook_revisions_action_check', sql`${t.action} in ('create', 'edit', 'publish', 'unpublish', 'restore')`),
  ],
);

export const handbookChecklists = pgTable(
  'handbook_checklists',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    articleId: uuid('article_id').notNull(),
    title: jsonb('title').$type<LocaleText>().notNull(),
  },
  (t) => [
    ...tenantPolicies(),
    primaryKey({ name: 'handbook_checklists_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('handbook_checklists_article_key').on(t.tenantId, t.articleId),
    foreignKey({
      name: 'handbook_checklists_article_fk',
      columns: [t.tenantId, t.articleId],
      foreignColumns: [handbookArticles.tenantId, handbookArticles.id],
    }).onDelete('cascade'),
  ],
);

export const handbookChecklistSteps = pgTable(
  'handbook_checklist_steps',
  {
    tenantId: uuid('tenant_id').notNull(),
    checklistId: uuid('checklist_id').notNull(),
    position: integer('position').notNull(),
    /** Stable per step, so a ticked step stays ticked on the device when others are added. */
    id: uuid('id').notNull().defaultRandom(),
    title: jsonb('title').$type<LocaleText>().notNull(),
    detail: jsonb('detail').$type<LocaleText>().notNull().default({}),
    linkUrl: text('link_url'),
    linkLabel: jsonb('link_label').$type<LocaleText>().notNull().default({}),
  },
  (t) => [
    ...tenantPolicies(),
    primaryKey({ name: 'handbook_checklist_steps_pkey', columns: [t.tenantId, t.checklistId, t.position] }),
    uniqueIndex('handbook_checklist_steps_id_key').on(t.tenantId, t.id),
    foreignKey({
      name: 'handbook_checklist_steps_checklist_fk',
      columns: [t.tenantId, t.checklistId],
      foreignColumns: [handbookChecklists.tenantId, handbookChecklists.id],
    }).onDelete('cascade'),
    check('handbook_checklist_steps_link_check', sql`${t.linkUrl} is null or ${t.linkUrl} ~ '^https://'`),
  ],
);

/**
 * Handbook search's own index: one row per translation of a published article, kept by
 * triggers. Everyone may read it (published articles are public), so its trigram indexes work
 * under row-level security; a commune's search filters it by `tenant_id`.
 */
export const handbookSearch = pgTable(
  'handbook_search',
  {
    tenantId: uuid('tenant_id').notNull(),
    articleId: uuid('article_id').notNull(),
    locale: text('locale').notNull(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    titleFolded: text('title_folded').notNull(),
    searchText: text('search_text').notNull(),
    /** Whether the text has Thai script: a Thai query only needs to look at these rows (pg_trgm
     * takes no trigrams from Thai under the C collation, so its index cannot narrow them). */
    hasThai: boolean('has_thai').generatedAlwaysAs(sql`search_text ~ '[\u0E00-\u0E7F]'`),
  },
  (t) => [
    ...readIndexPolicies(),
    index('handbook_search_thai_idx')
      .on(t.tenantId)
      .where(sql`has_thai`),
    primaryKey({ name: 'handbook_search_pkey', columns: [t.tenantId, t.articleId, t.locale] }),
    foreignKey({
      name: 'handbook_search_translation_fk',
      columns: [t.tenantId, t.articleId, t.locale],
      foreignColumns: [handbookTranslations.tenantId, handbookTranslations.articleId, handbookTranslations.locale],
    }).onDelete('cascade'),
  ],
);
