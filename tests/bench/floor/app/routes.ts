import { type RouteConfig, route } from '@react-router/dev/routes';

export default [route('market', 'routes/market.tsx')] satisfies RouteConfig;
