// `npm start`: builds the app when the build is missing or older than the sources (so a fresh
// clone or a pull just works), then starts the server. React and React Router read NODE_ENV
// when first imported, so it is set before anything else loads.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

process.env.NODE_ENV ??= 'production';

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return latest;
}

const built = (() => {
  try {
    return statSync('build/server/index.js').mtimeMs;
  } catch {
    return 0;
  }
})();
const sources = Math.max(newest('app'), newest('locales'), newest('public'), statSync('package.json').mtimeMs);
if (!process.env.BUILD_DIR && built < sources) {
  console.log(built ? 'Sources changed since the last build: building…' : 'No build yet: building…');
  const result = spawnSync(process.execPath, ['node_modules/@react-router/dev/bin.js', 'build'], { stdio: 'inherit', env: { ...process.env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

await import('./server.mjs');
