import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '#db/client.ts';
import { handbookArticles, handbookChecklists, handbookChecklistSteps, type LocaleText } from '#db/schema/index.ts';
import { withTenant } from '#db/scope.ts';
import type { Locale } from '~/i18n/config.ts';
import { AppError } from '~/lib/errors.ts';
import { recordEvent } from '~/outbox/outbox.server.ts';
import type { HandbookEditor } from './editing.server.ts';
import type { ChecklistInput } from './schemas.ts';

export type EditableChecklist = {
  title: LocaleText;
  steps: { id: string; title: LocaleText; detail: LocaleText; linkUrl: string | null; linkLabel: LocaleText }[];
};

/** An article's checklist as stored, every language (null when it has none): the editor shows it, the reader localizes it. */
export async function readChecklist(tx: Tx, tenantId: string, articleId: string): Promise<(EditableChecklist & { id: string }) | null> {
  const [checklist] = await tx
    .select()
    .from(handbookChecklists)
    .where(and(eq(handbookChecklists.tenantId, tenantId), eq(handbookChecklists.articleId, articleId)));
  if (!checklist) return null;
  const steps = await tx
    .select({
      id: handbookChecklistSteps.id,
      title: handbookChecklistSteps.title,
      detail: handbookChecklistSteps.detail,
      linkUrl: handbookChecklistSteps.linkUrl,
      linkLabel: handbookChecklistSteps.linkLabel,
    })
    .from(handbookChecklistSteps)
    .where(and(eq(handbookChecklistSteps.tenantId, tenantId), eq(handbookChecklistSteps.checklistId, checklist.id)))
    .orderBy(asc(handbookChecklistSteps.position));
  return { id: checklist.id, title: checklist.title, steps };
}

/** An article's checklist in every language, for the checklist editor (null when it has none). */
export async function getChecklistForEditing(scope: HandbookEditor, articleId: string): Promise<EditableChecklist | null> {
  return withTenant(scope, (tx) => readChecklist(tx, scope.tenantId, articleId));
}

const withText = (text: LocaleText, locale: Locale, value: string | undefined): LocaleText => {
  const next: LocaleText = { ...text };
  if (value) next[locale] = value;
  else delete next[locale];
  return next;
};

/**
 * Saves one language of an article's checklist: its title and each step's words, plus the
 * links, the order and removals (shared by every language). Steps keep their ids, so a tick a
 * reader made on their phone stays on the same step after an edit.
 */
export async function saveChecklist(scope: HandbookEditor, articleSlug: string, locale: Locale, input: ChecklistInput): Promise<void> {
  await withTenant(scope, async (tx) => {
    const [article] = await tx
      .select({ id: handbookArticles.id })
      .from(handbookArticles)
      .where(and(eq(handbookArticles.tenantId, scope.tenantId), eq(handbookArticles.slug, articleSlug)));
    if (!article) throw new AppError('not_found', 'common:errors.notFound');
    const articleId = article.id;
    let [checklist] = await tx
      .select()
      .from(handbookChecklists)
      .where(and(eq(handbookChecklists.tenantId, scope.tenantId), eq(handbookChecklists.articleId, articleId)))
      .for('update');
    if (!checklist) {
      [checklist] = await tx
        .insert(handbookChecklists)
        .values({ tenantId: scope.tenantId, articleId, title: withText({}, locale, input.title) })
        .returning();
    } else {
      await tx
        .update(handbookChecklists)
        .set({ title: withText(checklist.title, locale, input.title) })
        .where(and(eq(handbookChecklists.tenantId, scope.tenantId), eq(handbookChecklists.id, checklist.id)));
    }
    const checklistId = checklist!.id;
    const existing = await tx
      .select()
      .from(handbookChecklistSteps)
      .where(and(eq(handbookChecklistSteps.tenantId, scope.tenantId), eq(handbookChecklistSteps.checklistId, checklistId)));
    const byId = new Map(existing.map((s) => [s.id, s]));
    for (const step of input.steps) {
      if (step.id && !byId.has(step.id)) throw new AppError('conflict', 'handbook:checklist.errors.stale');
    }
    const removed = input.steps.filter((s) => s.id && s.remove).map((s) => s.id!);
    if (removed.length) {
      await tx
        .delete(handbookChecklistSteps)
        .where(
          and(
            eq(handbookChecklistSteps.tenantId, scope.tenantId),
            eq(handbookChecklistSteps.checklistId, checklistId),
            inArray(handbookChecklistSteps.id, removed),
          ),
        );
    }
    // Positions are part of the key: move every remaining step out of the way, then renumber.
    await tx
      .update(handbookChecklistSteps)
      .set({ position: sql`-1 - ${handbookChecklistSteps.position}` })
      .where(and(eq(handbookChecklistSteps.tenantId, scope.tenantId), eq(handbookChecklistSteps.checklistId, checklistId)));
    const kept = input.steps
      .filter((s) => !s.remove && (s.id || s.title))
      .map((s, index) => ({ ...s, order: s.position ?? index + 1, index }))
      .sort((x, y) => x.order - y.order || x.index - y.index);
    // Steps the form did not mention (none, normally) keep their place at the end.
    const mentioned = new Set(input.steps.map((s) => s.id).filter(Boolean));
    const untouched = existing.filter((s) => !mentioned.has(s.id)).sort((x, y) => x.position - y.position);
    let position = 0;
    for (const step of kept) {
      const before = step.id ? byId.get(step.id) : undefined;
      const values = {
        position: position++,
        title: withText(before?.title ?? {}, locale, step.title),
        detail: withText(before?.detail ?? {}, locale, step.detail),
        linkLabel: withText(before?.linkLabel ?? {}, locale, step.linkLabel),
        linkUrl: step.linkUrl,
      };
      if (before) {
        await tx
          .update(handbookChecklistSteps)
          .set(values)
          .where(and(eq(handbookChecklistSteps.tenantId, scope.tenantId), eq(handbookChecklistSteps.id, before.id)));
      } else {
        await tx.insert(handbookChecklistSteps).values({ tenantId: scope.tenantId, checklistId, ...values });
      }
    }
    for (const step of untouched) {
      await tx
        .update(handbookChecklistSteps)
        .set({ position: position++ })
        .where(and(eq(handbookChecklistSteps.tenantId, scope.tenantId), eq(handbookChecklistSteps.id, step.id)));
    }
    await recordEvent(tx, scope.tenantId, 'handbook.checklist_updated', { articleId, locale, steps: position }, scope.userId);
  });
}
