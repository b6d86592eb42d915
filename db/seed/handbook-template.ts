import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { dbEnv } from '../env.ts';

/**
 * National template for the village handbook ("sổ tay xã số" / "คู่มือชุมชนดิจิทัล"), read
 * from db/seed/handbook/: `chapters.yaml` gives the chapters and the order of their articles,
 * and each article is one Markdown file per language, `<key>.<lang>.md`, so translators review
 * a diff of text, not of TypeScript.
 *
 * Organised around the three pillars of a smart rural commune: digital government,
 * digital economy and digital society. Every commune's handbook starts as a copy of this
 * template (app/handbook/template.server.ts); commune officials then adapt it to local
 * procedures, contacts and languages.
 *
 * Writing rules: plain words, short sentences, second person; concrete steps; no invented
 * statistics, phone numbers, fees or processing times. Where a procedure differs between
 * localities the text sends the reader to the commune's one-stop office (bộ phận một cửa)
 * and the community digital-technology team (tổ công nghệ số cộng đồng).
 *
 * External links used (only these): https://dichvucong.gov.vn, https://vneid.gov.vn,
 * https://canhbao.khonggianmang.vn, the VNeID app on Google Play (package com.vnid) and on the
 * App Store.
 *
 * Thai (th) is given for articles that apply to Thai readers too; Vietnam-only procedures
 * (VNeID, dichvucong.gov.vn, VietQR bill payment, Zalo) are in Vietnamese and English only.
 * Bodies are CommonMark (headings from ##), no HTML; 250–600 words in vi and en.
 *
 * An article file:
 *
 *     ---
 *     title: …
 *     summary: one or two sentences
 *     checklist:            # optional; the same steps (and links) in every language
 *       title: …
 *       steps:
 *         - title: …
 *           detail: …       # optional
 *           link: { url: https://…, label: … }   # optional
 *     ---
 *
 *     ## The body, in Markdown…
 *
 * The blank line after the front matter is not part of the body.
 */

export type Text = { vi: string; en: string; th?: string };
export type Pillar = 'government' | 'economy' | 'society';
export type TemplateChapter = { key: string; pillar: Pillar; title: Text; summary: Text };
export type TemplateStep = { title: Text; detail?: Text; link?: { url: string; label: Text } };
export type TemplateChecklist = { title: Text; steps: TemplateStep[] };
export type TemplateArticle = {
  key: string; // kebab-case, stable, e.g. 'activate-vneid-level-2'
  chapterKey: string;
  title: Text;
  summary: Text; // one or two sentences
  body: Text; // Markdown (headings from ##, lists, **bold**, links)
  checklist?: TemplateChecklist;
};
export type HandbookTemplate = { chapters: TemplateChapter[]; articles: TemplateArticle[] };

/** The languages of the template, in the order their texts are stored. */
export const TEMPLATE_LOCALES = ['vi', 'en', 'th'] as const;
type TemplateLocale = (typeof TEMPLATE_LOCALES)[number];

const key = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case');
const line = z.string().refine((value) => value.trim() !== '', 'must not be empty');
const text = z.strictObject({ vi: line, en: line, th: line.optional() });

export const chaptersFileSchema = z.strictObject({
  chapters: z
    .array(
      z.strictObject({
        key,
        pillar: z.enum(['government', 'economy', 'society']),
        title: text,
        summary: text,
        articles: z.array(key).min(1),
      }),
    )
    .min(1),
});

/** The front matter of one language of an article. */
export const frontMatterSchema = z.strictObject({
  title: line,
  summary: line,
  checklist: z
    .strictObject({
      title: line,
      steps: z
        .array(
          z.strictObject({
            title: line,
            detail: line.optional(),
            link: z.strictObject({ url: z.url({ protocol: /^https$/ }), label: line }).optional(),
          }),
        )
        .min(1),
    })
    .optional(),
});
type FrontMatter = z.infer<typeof frontMatterSchema>;

/** The template's files: `db/seed/handbook`, found beside the migrations folder (as `db/sql` is), so MIGRATIONS_DIR moves both. */
export const templateDir = () => path.resolve(dbEnv().migrationsDir, '../seed/handbook');

/** One article file split into its front matter (validated) and its Markdown body. */
export function parseArticleFile(source: string, name: string): { front: FrontMatter; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n\n?([\s\S]*)$/.exec(source.replace(/\r\n/g, '\n'));
  if (!match) throw new Error(`${name}: must start with YAML front matter between two --- lines`);
  const parsed = frontMatterSchema.safeParse(parse(match[1]!));
  if (!parsed.success) throw new Error(`${name}: bad front matter\n${z.prettifyError(parsed.error)}`);
  if (!match[2]!.trim()) throw new Error(`${name}: the article has no body`);
  return { front: parsed.data, body: match[2]! };
}

/**
 * The texts of every language, in TEMPLATE_LOCALES order, from one value per language;
 * undefined when no language has it, an error when some but not all do.
 */
function texts(of: Partial<Record<TemplateLocale, string | undefined>>, locales: TemplateLocale[], what: string): Text | undefined {
  const given = locales.filter((l) => of[l] !== undefined);
  if (!given.length) return undefined;
  if (given.length !== locales.length)
    throw new Error(`${what}: given in ${given.join(', ')} but not in ${locales.filter((l) => !given.includes(l)).join(', ')}`);
  return Object.fromEntries(locales.map((l) => [l, of[l]])) as Text;
}

function mergeChecklist(key: string, fronts: Map<TemplateLocale, FrontMatter>): TemplateChecklist | undefined {
  const locales = [...fronts.keys()];
  const title = texts(Object.fromEntries(locales.map((l) => [l, fronts.get(l)!.checklist?.title])), locales, `${key}: checklist`);
  if (!title) return undefined;
  const counts = new Set(locales.map((l) => fronts.get(l)!.checklist!.steps.length));
  if (counts.size > 1) throw new Error(`${key}: the checklist has a different number of steps in ${locales.join(', ')}`);
  const steps = fronts.get(locales[0]!)!.checklist!.steps.map((_, i) => {
    const step = (l: TemplateLocale) => fronts.get(l)!.checklist!.steps[i]!;
    const where = `${key}: checklist step ${i + 1}`;
    const urls = new Set(locales.map((l) => step(l).link?.url));
    if (urls.size > 1) throw new Error(`${where}: the link differs between languages`);
    const detail = texts(Object.fromEntries(locales.map((l) => [l, step(l).detail])), locales, `${where} detail`);
    const label = texts(Object.fromEntries(locales.map((l) => [l, step(l).link?.label])), locales, `${where} link`);
    const url = [...urls][0];
    return {
      title: texts(Object.fromEntries(locales.map((l) => [l, step(l).title])), locales, where)!,
      ...(detail ? { detail } : {}),
      ...(url && label ? { link: { url, label } } : {}),
    };
  });
  return { title, steps };
}

/** Reads and checks the template in `dir`; throws naming the file and what is wrong. */
export function loadHandbookTemplate(dir = templateDir()): HandbookTemplate {
  const index = chaptersFileSchema.safeParse(parse(readFileSync(path.join(dir, 'chapters.yaml'), 'utf8')));
  if (!index.success) throw new Error(`chapters.yaml: ${z.prettifyError(index.error)}`);
  const files = new Set(readdirSync(dir).filter((name) => name.endsWith('.md')));
  const listed = new Set<string>();
  const chapters: TemplateChapter[] = [];
  const articles: TemplateArticle[] = [];
  for (const chapter of index.data.chapters) {
    chapters.push({ key: chapter.key, pillar: chapter.pillar, title: chapter.title, summary: chapter.summary });
    for (const articleKey of chapter.articles) {
      if (listed.has(articleKey)) throw new Error(`chapters.yaml: ${articleKey} is listed twice`);
      listed.add(articleKey);
      const fronts = new Map<TemplateLocale, FrontMatter>();
      const bodies: Partial<Record<TemplateLocale, string>> = {};
      for (const locale of TEMPLATE_LOCALES) {
        const name = `${articleKey}.${locale}.md`;
        if (!files.delete(name)) continue;
        const { front, body } = parseArticleFile(readFileSync(path.join(dir, name), 'utf8'), name);
        fronts.set(locale, front);
        bodies[locale] = body;
      }
      if (!fronts.has('vi') || !fronts.has('en')) throw new Error(`${articleKey}: needs ${articleKey}.vi.md and ${articleKey}.en.md`);
      const locales = [...fronts.keys()];
      const pick = (field: 'title' | 'summary') => Object.fromEntries(locales.map((l) => [l, fronts.get(l)![field]])) as Text;
      const checklist = mergeChecklist(articleKey, fronts);
      articles.push({
        key: articleKey,
        chapterKey: chapter.key,
        title: pick('title'),
        summary: pick('summary'),
        body: bodies as Text,
        ...(checklist ? { checklist } : {}),
      });
    }
  }
  if (files.size) throw new Error(`not listed in chapters.yaml, or not named <article>.<vi|en|th>.md: ${[...files].join(', ')}`);
  return { chapters, articles };
}

let loaded: HandbookTemplate | undefined;

/** The template of db/seed/handbook/, read on first use and kept. */
export function handbookTemplate(): HandbookTemplate {
  return (loaded ??= loadHandbookTemplate());
}
