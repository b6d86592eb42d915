// Builds the app when the build is missing or older than the sources, so a fresh clone or a pull
// just works: used by `npm start` (server/start.ts) and `npm run worker` (server/worker.ts).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ServerConfig } from './config.ts';

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

function builtAt(buildDir: string): number {
  try {
    return statSync(path.join(buildDir, 'server/index.js')).mtimeMs;
  } catch {
    return 0;
  }
}

/** Builds unless BUILD_DIR was given or the build is newer than every source; exits the process if the build fails. */
export function buildIfNeeded(config: ServerConfig): void {
  const built = builtAt(config.buildDir);
  // Everything the build bundles: the app, its plain value lists, the database layer and the texts.
  const sources = Math.max(newest('app'), newest('domain'), newest('db'), newest('locales'), newest('public'), statSync('package.json').mtimeMs);
  if (config.buildDirGiven || built >= sources) return;
  console.log(built ? 'Sources changed since the last build: building…' : 'No build yet: building…');
  const result = spawnSync(process.execPath, ['node_modules/@react-router/dev/bin.js', 'build'], { stdio: 'inherit', env: { ...process.env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
