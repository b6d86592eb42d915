import { and, desc, eq } from 'drizzle-orm';
import { handbookRevisions, handbookTranslations, type RevisionSnapshot, users } from '#db/schema/index.ts';
import { withTenant } from '#db/scope.ts';
import { AppError } from '~/lib/errors.ts';
import { searchTextOf } from './search-text.ts';
import { claimRevision, writeRevision, type HandbookEditor } from './editing.server.ts';

// An article's history: what each revision changed, and bringing an old one back.

export type RevisionChange = { locale: string; title: boolean; summary: boolean; added: number; removed: number };
export type RevisionView = {
  number: number;
  action: string;
  changedLocales: string[];
  author: string | null;
  createdAt: Date;
  titles: Record<string, string>;
  changes: RevisionChange[];
};

/** Lines of `after` not in `before` and the reverse (a multiset comparison: enough to say how much changed). */
function lineDelta(before: string, after: string): { added: number; removed: number } {
  const count = new Map<string, number>();
  for (const line of before ? before.split('\n') : []) count.set(line, (count.get(line) ?? 0) + 1);
  let added = 0;
  for (const line of after ? after.split('\n') : []) {
    const n = count.get(line) ?? 0;
    if (n > 0) count.set(line, n - 1);
    else added++;
  }
  const removed = [...count.values()].reduce((sum, n) => sum + n, 0);
  return { added, removed };
}

/** What each revision changed against the one before it, per language. */
export function describeChanges(previous: RevisionSnapshot | null, current: RevisionSnapshot): RevisionChange[] {
  const locales = new Set([...Object.keys(previous?.translations ?? {}), ...Object.keys(current.translations)]);
  const changes: RevisionChange[] = [];
  for (const locale of locales) {
    const was = previous?.translations[locale];
    const now = current.translations[locale];
    const delta = lineDelta(was?.body ?? '', now?.body ?? '');
    const change = { locale, title: (was?.title ?? '') !== (now?.title ?? ''), summary: (was?.summary ?? '') !== (now?.summary ?? ''), ...delta };
    if (change.title || change.summary || change.added || change.removed) changes.push(change);
  }
  return changes;
}

export async function listRevisions(scope: HandbookEditor, articleId: string): Promise<RevisionView[]> {
  const rows = await withTenant(scope, (tx) =>
    tx
      .select({
        number: handbookRevisions.number,
        action: handbookRevisions.action,
        changedLocales: handbookRevisions.changedLocales,
        author: users.displayName,
        createdAt: handbookRevisions.createdAt,
        snapshot: handbookRevisions.snapshot,
      })
      .from(handbookRevisions)
      .leftJoin(users, eq(users.id, handbookRevisions.authorId))
      .where(and(eq(handbookRevisions.tenantId, scope.tenantId), eq(handbookRevisions.articleId, articleId)))
      .orderBy(desc(handbookRevisions.number)),
  );
  return rows.map((r, i) => ({
    number: r.number,
    action: r.action,
    changedLocales: r.changedLocales,
    author: r.author,
    createdAt: r.createdAt,
    titles: Object.fromEntries(Object.entries(r.snapshot.translations).map(([l, t]) => [l, t.title])),
    changes: describeChanges(rows[i + 1]?.snapshot ?? null, r.snapshot),
  }));
}

/** Brings back the text of an old revision (every language) as a new revision; publication state is kept. */
export async function restoreRevision(scope: HandbookEditor, articleId: string, number: number, expectedRevision: number): Promise<number> {
  return withTenant(scope, async (tx) => {
    const [old] = await tx
      .select({ snapshot: handbookRevisions.snapshot })
      .from(handbookRevisions)
      .where(and(eq(handbookRevisions.tenantId, scope.tenantId), eq(handbookRevisions.articleId, articleId), eq(handbookRevisions.number, number)));
    if (!old) throw new AppError('not_found', 'common:errors.notFound');
    const next = await claimRevision(tx, scope, articleId, expectedRevision, { chapterId: old.snapshot.chapterId });
    await tx.delete(handbookTranslations).where(and(eq(handbookTranslations.tenantId, scope.tenantId), eq(handbookTranslations.articleId, articleId)));
    for (const [locale, t] of Object.entries(old.snapshot.translations)) {
      await tx.insert(handbookTranslations).values({
        tenantId: scope.tenantId,
        articleId,
        locale,
        title: t.title,
        summary: t.summary,
        body: t.body,
        searchText: searchTextOf(t.title, t.summary, t.body),
      });
    }
    await writeRevision(tx, scope, articleId, next, 'restore', Object.keys(old.snapshot.translations));
    return next;
  });
}
