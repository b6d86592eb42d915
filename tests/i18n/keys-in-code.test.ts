// Every translation key the code writes out as a literal exists in English (and so, through
// locales.test.ts, in Vietnamese and Thai). The compiler checks keys passed to `t()`; this also
// covers keys that travel as plain strings first, such as the messages of zod schemas
// (app/lib/forms.ts turns them into field errors) and keys kept in tables.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const english = path.join(root, 'locales/en');
const namespaces = readdirSync(english)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length));
const resources = Object.fromEntries(namespaces.map((ns) => [ns, JSON.parse(readFileSync(path.join(english, `${ns}.json`), 'utf8')) as unknown]));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function lookup(tree: unknown, dotted: string): unknown {
  let node = tree;
  for (const part of dotted.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** A key resolves to a string, or to the plural forms i18next picks from (`key_one`, `key_other`). */
function exists(ns: string, key: string): boolean {
  if (typeof lookup(resources[ns], key) === 'string') return true;
  return ['_one', '_other', '_zero'].some((suffix) => typeof lookup(resources[ns], key + suffix) === 'string');
}

// A whole quoted literal `'ns:a.b'`, "ns:a.b" or `ns:a.b` (no interpolation): keys built from a
// prefix end in '.' or continue with `${`, and are left to the compiler and the locale tests.
const literal = new RegExp(`(['"\`])(${namespaces.join('|')}):([A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)*)\\1`, 'g');

describe('translation keys written in the code', () => {
  const files = ['app', 'domain', 'server', 'db'].flatMap((dir) => sourceFiles(path.join(root, dir)));
  const found: { file: string; key: string }[] = [];
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(literal)) {
      found.push({ file: path.relative(root, file), key: `${match[2]}:${match[3]}` });
    }
  }

  it('finds the keys the schemas and tables carry as strings', () => {
    expect(found.some((f) => f.file === 'app/market/schemas.ts')).toBe(true);
    expect(found.length).toBeGreaterThan(500);
  });

  it('finds every one of them in English', () => {
    const missing = found.filter(({ key }) => {
      const colon = key.indexOf(':');
      return !exists(key.slice(0, colon), key.slice(colon + 1));
    });
    expect(missing).toEqual([]);
  });
});
