import { reactRouter } from '@react-router/dev/vite';
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '~': root('./app'),
      '#db': root('./db'),
      '#domain': root('./domain'),
      '#locales': root('./locales'),
    },
  },
  plugins: [reactRouter()],
  // The map pages' script is bundled as a module worker would be: one standalone ES module with its own chunks.
  worker: { format: 'es' },
  server: { port: 3000 },
  ssr: {
    // Native and WASM packages load their own files at run time: keep them in node_modules.
    external: ['@electric-sql/pglite', 'sharp', '@node-rs/argon2', 'postgres'],
  },
});
