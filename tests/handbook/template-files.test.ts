import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { chaptersFileSchema, loadHandbookTemplate, parseArticleFile, templateDir } from '#db/seed/handbook-template.ts';

// The national template is Markdown files (db/seed/handbook/<key>.<lang>.md) with YAML front
// matter, and chapters.yaml for the order. Commit 95d6c75 proved the files load to exactly the
// TypeScript data they replaced; these tests keep the files well-formed as translators edit them.

const dir = templateDir();
const files = readdirSync(dir).filter((name) => name.endsWith('.md'));
const scratch: string[] = [];
afterAll(() => {
  for (const d of scratch) rmSync(d, { recursive: true, force: true });
});

/** A copy of the template folder, changed by `edit`, for the loader to refuse. */
function brokenCopy(edit: (copy: string) => void): string {
  const copy = mkdtempSync(path.join(os.tmpdir(), 'baan-template-'));
  scratch.push(copy);
  cpSync(dir, copy, { recursive: true });
  edit(copy);
  return copy;
}

describe('the national template files', () => {
  it('every article listed in chapters.yaml has a Vietnamese and an English file, and every file is listed', () => {
    const index = chaptersFileSchema.parse(parse(readFileSync(path.join(dir, 'chapters.yaml'), 'utf8')));
    const keys = index.chapters.flatMap((c) => c.articles);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) {
      expect(files, key).toContain(`${key}.vi.md`);
      expect(files, key).toContain(`${key}.en.md`);
    }
    for (const name of files) expect(keys, name).toContain(name.replace(/\.(vi|en|th)\.md$/, ''));
  });

  it('every file has valid front matter and a body', () => {
    for (const name of files) {
      const { front, body } = parseArticleFile(readFileSync(path.join(dir, name), 'utf8'), name);
      expect(front.title.length, name).toBeGreaterThan(3);
      expect(body, name).toMatch(/^## /);
    }
  });

  it('loads 16 articles on six chapters, each language with the same checklist steps and links', () => {
    const { chapters, articles } = loadHandbookTemplate();
    expect(chapters.map((c) => c.key)).toEqual(['digital-id', 'public-services', 'cashless', 'selling-online', 'online-safety', 'digital-skills']);
    expect(articles).toHaveLength(16);
    expect(articles.filter((a) => a.body.th)).toHaveLength(8);
    const vneid = articles.find((a) => a.key === 'activate-vneid-level-2')!;
    expect(Object.keys(vneid.body)).toEqual(['vi', 'en']);
    expect(vneid.checklist?.steps[0]).toMatchObject({ link: { url: 'https://play.google.com/store/apps/details?id=com.vnid' } });
    for (const article of articles) {
      for (const step of article.checklist?.steps ?? []) expect(Object.keys(step.title), article.key).toEqual(Object.keys(article.body));
    }
  });

  it('refuses an article without its English file', () => {
    const copy = brokenCopy((d) => rmSync(path.join(d, 'pay-by-bank-qr.en.md')));
    expect(() => loadHandbookTemplate(copy)).toThrow(/pay-by-bank-qr: needs pay-by-bank-qr.vi.md and pay-by-bank-qr.en.md/);
  });

  it('refuses front matter with an unknown or missing field, naming the file', () => {
    const copy = brokenCopy((d) => {
      const file = path.join(d, 'recognise-scams.th.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: /m, 'titel: '));
    });
    expect(() => loadHandbookTemplate(copy)).toThrow(/recognise-scams\.th\.md: bad front matter/);
  });

  it('refuses a translation whose checklist lost a step or changed a link', () => {
    const lost = brokenCopy((d) => {
      const file = path.join(d, 'recognise-scams.en.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/\n {4}- title: [^\n]*(?=\n {4}- title)/, ''));
    });
    expect(() => loadHandbookTemplate(lost)).toThrow(/recognise-scams: the checklist has a different number of steps/);
    const moved = brokenCopy((d) => {
      const file = path.join(d, 'activate-vneid-level-2.en.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('https://vneid.gov.vn', 'https://vneid.example.org'));
    });
    expect(() => loadHandbookTemplate(moved)).toThrow(/activate-vneid-level-2: checklist step 7: the link differs/);
  });

  it('refuses a file chapters.yaml does not list', () => {
    const copy = brokenCopy((d) => cpSync(path.join(d, 'pay-by-bank-qr.vi.md'), path.join(d, 'pay-by-qr.vi.md')));
    expect(() => loadHandbookTemplate(copy)).toThrow(/not listed in chapters.yaml.*pay-by-qr\.vi\.md/);
  });
});
