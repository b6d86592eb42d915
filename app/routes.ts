import { type RouteConfig, index, prefix, route } from '@react-router/dev/routes';

// The whole site, top to bottom. Platform pages first; `/{commune}/…` after; 404 last.
export default [
  index('tenancy/routes/home.tsx'),
  route('healthz', 'admin/routes/healthz.ts'),
  route('media/*', 'media/routes/media-file.ts'),

  route('signup', 'auth/routes/signup.tsx'),
  route('login', 'auth/routes/login.tsx'),
  route('logout', 'auth/routes/logout.ts'),
  route('account', 'auth/routes/account.tsx'),

  ...prefix('admin', [
    route('communes/new', 'admin/routes/new-commune.tsx'),
    route('handbook', 'admin/routes/template.tsx'),
    route('handbook/:key', 'admin/routes/template-article.tsx'),
  ]),

  route(':commune', 'tenancy/routes/commune-layout.tsx', [
    index('tenancy/routes/commune-home.tsx'),
    ...prefix('handbook', [
      index('handbook/routes/index.tsx'),
      route('new', 'handbook/routes/editor.tsx', { id: 'handbook-new' }),
      route(':slug', 'handbook/routes/article.tsx'),
      route(':slug/edit', 'handbook/routes/editor.tsx', { id: 'handbook-edit' }),
      route(':slug/history', 'handbook/routes/history.tsx'),
    ]),
    route('contacts', 'handbook/routes/contacts.tsx'),
    route('contacts/manage', 'handbook/routes/contacts-manage.tsx'),
    route('news', 'handbook/routes/news.tsx'),
    route('news/manage', 'handbook/routes/news-manage.tsx'),
    route('news.rss', 'handbook/routes/news-feed.ts', { id: 'news-rss' }),
    route('news.atom', 'handbook/routes/news-feed.ts', { id: 'news-atom' }),
    route('market', 'tenancy/routes/coming-soon.tsx', { id: 'market-soon' }),
    route('tourism', 'tenancy/routes/coming-soon.tsx', { id: 'tourism-soon' }),
    route('settings', 'tenancy/routes/settings.tsx'),
    route('members', 'members/routes/members.tsx'),
    route('join/:token', 'members/routes/join.tsx'),
  ]),

  route('*', 'tenancy/routes/not-found.tsx'),
] satisfies RouteConfig;
