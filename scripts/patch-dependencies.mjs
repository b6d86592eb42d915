// Runs after `npm install` / `npm ci` (the `postinstall` script): small, exact changes to
// installed packages, each checked against the text it replaces. It fails loudly when a package
// no longer holds that text (after an upgrade), so a patch is never silently lost.
//
// react-router 7.18.4: on every document request the server encodes all loader data for the
// browser's hydration (turbo-stream) before the app's entry renders, even when the page sends no
// script. Baan's reading pages send none (see app/entry.server.tsx), and that encoding was a
// fifth of a catalogue page's CPU time. The patch makes the encoding happen on first read of
// `serverHandoffStream`, so a page that never reads it never pays for it.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const ORIGINAL = `      serverHandoffStream: encodeViaTurboStream(
        state,
        request.signal,
        build.entry.module.streamTimeout,
        serverMode
      ),`;

const PATCHED = `      // Baan (scripts/patch-dependencies.mjs): encoded on first read, or never.
      get serverHandoffStream() {
        let value = encodeViaTurboStream(
          state,
          request.signal,
          build.entry.module.streamTimeout,
          serverMode
        );
        Object.defineProperty(this, "serverHandoffStream", { value, writable: true, enumerable: true, configurable: true });
        return value;
      },
      set serverHandoffStream(value) {
        Object.defineProperty(this, "serverHandoffStream", { value, writable: true, enumerable: true, configurable: true });
      },`;

const dist = path.join(root, 'node_modules/react-router/dist');
let patched = 0;
let already = 0;
for (const flavour of ['development', 'production']) {
  const dir = path.join(dist, flavour);
  for (const name of readdirSync(dir)) {
    if (!/\.(m?js)$/.test(name)) continue;
    const file = path.join(dir, name);
    const text = readFileSync(file, 'utf8');
    if (text.includes(PATCHED)) {
      already++;
    } else if (text.includes(ORIGINAL)) {
      writeFileSync(file, text.replace(ORIGINAL, PATCHED));
      patched++;
    }
  }
}
if (patched + already === 0) {
  console.error('patch-dependencies: react-router no longer holds the text this patch replaces; review scripts/patch-dependencies.mjs for the installed version.');
  process.exit(1);
}
console.log(`patch-dependencies: react-router encodes hydration data lazily (${patched} file(s) patched, ${already} already patched).`);
