import { reactRouter } from '@react-router/dev/vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const repo = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

export default defineConfig({
  resolve: { alias: { '~': repo('app'), '#db': repo('db'), '#domain': repo('domain'), '#locales': repo('locales') } },
  plugins: [reactRouter()],
  ssr: { external: ['postgres'] },
});
