// Runs after `npm install` / `npm ci` (the `postinstall` script): small, exact changes to
// installed packages, each checked against the text it replaces. It fails loudly when a package
// no longer holds that text (after an upgrade), so a patch is never silently lost.
//
// The patches are to react-router 7.18.4's server rendering, which does per-request work whose
// result Baan's reading pages never use or that never changes:
// 1. On every document request the server encodes all loader data for the browser's hydration
//    (turbo-stream) before the app's entry renders, even when the page sends no script. Baan's
//    reading pages send none (see app/entry.server.tsx), and that encoding was a fifth of a
//    catalogue page's CPU time. Now it happens on first read of `serverHandoffStream`.
// 2. `<ServerRouter>` rebuilt the route objects of the whole app (every route of app/routes.ts)
//    on every render, and the static router converted them all again into data routes. They
//    depend only on the build, so they are now built once per build (a tenth of a page's CPU).
// 3. Matching a path walks every branch of the route tree (most of them partly: `/:commune/…`
//    takes any first segment), twice per request. For a tree ranked once, the result for a path
//    is remembered (2,000 paths at most) and handed out as a copy.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const LAZY_HANDOFF = {
  name: 'react-router encodes hydration data lazily',
  find: `      serverHandoffStream: encodeViaTurboStream(
        state,
        request.signal,
        build.entry.module.streamTimeout,
        serverMode
      ),`,
  replace: () => `      // Baan (scripts/patch-dependencies.mjs): encoded on first read, or never.
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
      },`,
  marker: 'Baan (scripts/patch-dependencies.mjs): encoded on first read',
};

const SERVER_ROUTES_ONCE = {
  name: 'react-router builds the server routes once per build',
  // The ES module build calls `createServerRoutes(`, the CommonJS one `_chunkX.createServerRoutes.call(void 0, `.
  find: /function ServerRouter\(\{([\s\S]{0,400}?)let routes = (createServerRoutes\(|[\w$]+\.createServerRoutes\.call\(void 0, )\n {4}manifest\.routes,\n {4}routeModules,\n {4}context\.future,\n {4}context\.isSpaMode\n {2}\);/,
  replace: (_match, head, callee) => `// Baan (scripts/patch-dependencies.mjs): the routes depend only on the build, so they are built once.
var baanServerRoutesCache = /* @__PURE__ */ new WeakMap();
function baanServerRoutes(manifestRoutes, isSpaMode, create) {
  let cached = baanServerRoutesCache.get(manifestRoutes);
  if (!cached || cached.isSpaMode !== isSpaMode) {
    cached = { isSpaMode, routes: create() };
    baanServerRoutesCache.set(manifestRoutes, cached);
  }
  return cached.routes;
}
function ServerRouter({${head}let routes = baanServerRoutes(manifest.routes, context.isSpaMode, () => ${callee}
    manifest.routes,
    routeModules,
    context.future,
    context.isSpaMode
  ));`,
  marker: 'Baan (scripts/patch-dependencies.mjs): the routes depend only on the build',
};

const STATIC_ROUTES_ONCE = {
  name: 'react-router converts the static router\'s routes once per route tree',
  find: /function createStaticRouter\(routes, context, opts = \{\}\) \{\n {2}let manifest = \{\};\n {2}let dataRoutes = (convertRoutesToDataRoutes\(|[\w$]+\.convertRoutesToDataRoutes\.call\(void 0, )\n {4}routes,\n {4}((?:[\w$]+\.)?mapRouteProperties),\n {4}void 0,\n {4}manifest\n {2}\);/,
  replace: (_match, callee, mapper) => `// Baan (scripts/patch-dependencies.mjs): a static router never changes its routes, so the data
// routes of one route tree are converted once and shared.
var baanStaticRoutesCache = /* @__PURE__ */ new WeakMap();
function createStaticRouter(routes, context, opts = {}) {
  let converted = baanStaticRoutesCache.get(routes);
  if (!converted) {
    let manifest2 = {};
    converted = { manifest: manifest2, dataRoutes: ${callee}
      routes,
      ${mapper},
      void 0,
      manifest2
    ) };
    baanStaticRoutesCache.set(routes, converted);
  }
  let { manifest, dataRoutes } = converted;`,
  marker: 'Baan (scripts/patch-dependencies.mjs): a static router never changes its routes',
};

const MATCHES_REMEMBERED = {
  name: 'react-router remembers which routes a path matches',
  find: `  let decoded = decodePath(pathname);
  for (let i = 0; matches == null && i < branches.length; ++i) {
    matches = matchRouteBranch(
      branches[i],
      decoded,
      allowPartial
    );
  }
  return matches;
}`,
  replace: () => `  let decoded = decodePath(pathname);
  // Baan (scripts/patch-dependencies.mjs): matching walks every branch of the route tree, most
  // of them partly, twice per request; for a tree ranked once (precomputed branches) the result
  // for a path is remembered, and handed out as a copy so no caller can change another's.
  let baanMatches = precomputedBranches ? baanMatchesFor(precomputedBranches) : null;
  let baanKey = (allowPartial ? "partial " : "whole ") + decoded;
  if (baanMatches?.has(baanKey)) return baanCopyMatches(baanMatches.get(baanKey));
  for (let i = 0; matches == null && i < branches.length; ++i) {
    matches = matchRouteBranch(
      branches[i],
      decoded,
      allowPartial
    );
  }
  if (baanMatches) {
    if (baanMatches.size >= 2e3) baanMatches.clear();
    baanMatches.set(baanKey, baanCopyMatches(matches));
  }
  return matches;
}
var baanMatchesByBranches = /* @__PURE__ */ new WeakMap();
function baanMatchesFor(branches) {
  let remembered = baanMatchesByBranches.get(branches);
  if (!remembered) baanMatchesByBranches.set(branches, remembered = /* @__PURE__ */ new Map());
  return remembered;
}
function baanCopyMatches(matches) {
  if (!matches) return matches;
  let params = { ...matches[matches.length - 1].params };
  return matches.map((match) => ({ ...match, params }));
}`,
  marker: 'Baan (scripts/patch-dependencies.mjs): matching walks every branch',
};

const dist = path.join(root, 'node_modules/react-router/dist');
const files = ['development', 'production'].flatMap((flavour) =>
  readdirSync(path.join(dist, flavour))
    .filter((name) => /\.m?js$/.test(name))
    .map((name) => path.join(dist, flavour, name)),
);
let failed = false;
for (const patch of [LAZY_HANDOFF, SERVER_ROUTES_ONCE, STATIC_ROUTES_ONCE, MATCHES_REMEMBERED]) {
  let patched = 0;
  let already = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (text.includes(patch.marker)) {
      already++;
    } else if (typeof patch.find === 'string' ? text.includes(patch.find) : patch.find.test(text)) {
      writeFileSync(file, text.replace(patch.find, patch.replace));
      patched++;
    }
  }
  if (patched + already === 0) {
    console.error(`patch-dependencies: "${patch.name}": react-router no longer holds the text it replaces; review scripts/patch-dependencies.mjs for the installed version.`);
    failed = true;
  } else {
    console.log(`patch-dependencies: ${patch.name} (${patched} file(s) patched, ${already} already).`);
  }
}
if (failed) process.exit(1);
