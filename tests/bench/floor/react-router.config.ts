import type { Config } from '@react-router/dev/config';

// The smallest React Router app that serves the catalogue page: see app/routes/market.tsx.
export default { ssr: true, appDirectory: 'app', buildDirectory: 'build' } satisfies Config;
