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

  route('market', 'market/routes/catalogue.tsx', { id: 'market-catalogue' }),
  route('cart', 'market/routes/cart.tsx'),
  route('checkout', 'market/routes/checkout.tsx'),
  route('orders', 'market/routes/orders.tsx'),
  route('orders/:reference', 'market/routes/order.tsx'),
  route('map', 'tourism/routes/explore.tsx', { id: 'national-map' }),
  route('map/places.geojson', 'tourism/routes/places-geojson.ts', { id: 'national-places-geojson' }),

  ...prefix('admin', [
    route('communes/new', 'admin/routes/new-commune.tsx'),
    route('handbook', 'admin/routes/template.tsx'),
    route('handbook/:key', 'admin/routes/template-article.tsx'),
    route('jobs', 'admin/routes/jobs.tsx'),
  ]),

  route(':commune', 'tenancy/routes/commune-layout.tsx', [
    index('tenancy/routes/commune-home.tsx'),
    ...prefix('handbook', [
      index('handbook/routes/index.tsx'),
      route('new', 'handbook/routes/editor.tsx', { id: 'handbook-new' }),
      route(':slug', 'handbook/routes/article.tsx'),
      route(':slug/edit', 'handbook/routes/editor.tsx', { id: 'handbook-edit' }),
      route(':slug/history', 'handbook/routes/history.tsx'),
      route(':slug/checklist', 'handbook/routes/checklist.tsx'),
    ]),
    route('contacts', 'handbook/routes/contacts.tsx'),
    route('contacts/manage', 'handbook/routes/contacts-manage.tsx'),
    route('news', 'handbook/routes/news.tsx'),
    route('news/manage', 'handbook/routes/news-manage.tsx'),
    route('news.rss', 'handbook/routes/news-feed.ts', { id: 'news-rss' }),
    route('news.atom', 'handbook/routes/news-feed.ts', { id: 'news-atom' }),
    ...prefix('market', [
      index('market/routes/catalogue.tsx', { id: 'commune-market' }),
      route('sell', 'market/routes/sell.tsx'),
      route('manage', 'market/routes/manage.tsx'),
      route('sellers/:sellerId', 'market/routes/seller-dashboard.tsx'),
      route('sellers/:sellerId/products/new', 'market/routes/product-editor.tsx', { id: 'product-new' }),
      route('products/:productId/edit', 'market/routes/product-editor.tsx', { id: 'product-edit' }),
      route('orders/:reference', 'market/routes/seller-order.tsx'),
      route(':slug', 'market/routes/product.tsx'),
    ]),
    ...prefix('tourism', [
      index('tourism/routes/explore.tsx', { id: 'commune-tourism' }),
      route('manage', 'tourism/routes/manage.tsx'),
      route('inquiries', 'tourism/routes/inquiries.tsx'),
      route('new', 'tourism/routes/place-editor.tsx', { id: 'place-new' }),
      route(':slug', 'tourism/routes/place.tsx'),
      route(':slug/edit', 'tourism/routes/place-editor.tsx', { id: 'place-edit' }),
    ]),
    route('events', 'tourism/routes/events.tsx'),
    route('events.ics', 'tourism/routes/events-ics.ts'),
    route('places.geojson', 'tourism/routes/places-geojson.ts', { id: 'commune-places-geojson' }),
    route('settings', 'tenancy/routes/settings.tsx'),
    route('members', 'members/routes/members.tsx'),
    route('join/:token', 'members/routes/join.tsx'),
  ]),

  route('*', 'tenancy/routes/not-found.tsx'),
] satisfies RouteConfig;
