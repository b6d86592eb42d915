import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '~': root('./app'),
      '#db': root('./db'),
      '#domain': root('./domain'),
      '#locales': root('./locales'),
      '#tests': root('./tests'),
    },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    environment: 'node',
    // PGlite is WASM and argon2 is CPU-bound: files run in parallel, tests in a file in order.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
