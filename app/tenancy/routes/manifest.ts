import type { Locale } from '~/i18n/config.ts';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import { communeContext } from '~/lib/context.ts';
import { addVary } from '~/lib/security.server.ts';
import { localized } from '~/tenancy/commune.ts';
import { THEME_COLOR } from '~/ui/theme.ts';
import type { Route } from './+types/manifest';

/** The icons in public/ (scripts/make-icons.ts draws them from the favicon). */
const ICONS = [
  { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
  { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
  { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
];

/**
 * `/manifest.webmanifest` and `/{commune}/manifest.webmanifest`: what a phone needs to put Baan,
 * or one commune's site, on its home screen (W3C Web Application Manifest). A commune's opens on
 * the commune's home page under the commune's name, so a villager's phone shows "Tả Van", not a
 * platform; the words are in the reader's language (the page links it with its `?lng=`).
 */
export function loader({ context }: Route.LoaderArgs) {
  const commune = context.get(communeContext);
  const locale = getLocale(context) as Locale;
  const { t } = getI18n(context);
  const name = commune ? localized(commune.name, locale, commune.defaultLocale).text : 'Baan';
  const start = commune ? `/${commune.slug}` : '/';
  const manifest = {
    id: start,
    name: commune ? `${name} · Baan` : 'Baan',
    short_name: name,
    description: commune ? t('common:meta.appDescription', { name }) : t('common:meta.site'),
    lang: locale,
    dir: 'ltr',
    start_url: start,
    // Every page of Baan stays inside the installed app (the market and the map are shared by all communes).
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: THEME_COLOR,
    icons: ICONS,
    categories: ['travel', 'shopping', 'education'],
  };
  const response = new Response(JSON.stringify(manifest), {
    headers: { 'Content-Type': 'application/manifest+json; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  });
  addVary(response.headers, 'Accept-Language', 'Cookie');
  return response;
}
