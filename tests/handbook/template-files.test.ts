import { describe, expect, it } from 'vitest';
import { templateArticles, templateChapters } from '#db/seed/handbook-template-old.ts';
import { loadHandbookTemplate } from '#db/seed/handbook-template.ts';

describe('the national template as Markdown files', () => {
  it('loads exactly the template the TypeScript module held', () => {
    const loaded = loadHandbookTemplate();
    expect(loaded.chapters).toStrictEqual(templateChapters);
    expect(loaded.articles).toStrictEqual(templateArticles);
    // Key order decides the order of stored translations and of a revision's changed languages.
    for (const [i, article] of loaded.articles.entries()) expect(Object.keys(article.body)).toEqual(Object.keys(templateArticles[i]!.body));
    expect(JSON.stringify(loaded.articles)).toBe(JSON.stringify(templateArticles));
  });
});
