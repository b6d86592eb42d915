import i18next from 'i18next';
import { useT } from '~/i18n/use-t.ts';
import { switchLanguage } from '~/i18n/client-language.ts';
import type { MessageKey } from '~/i18n/message-key.ts';
import { data, isRouteErrorResponse, Link, Links, Meta, Outlet, Scripts, ScrollRestoration, useLocation, useRouteLoaderData } from 'react-router';
import { LOCALE_NAMES, LOCALES, type Locale } from '~/i18n/config.ts';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import { linkOrigin } from '~/lib/env.server.ts';
import { communeContext, databaseContext, userContext } from '~/lib/context.ts';
import { countUnread } from '~/notifications/inbox.server.ts';
import { takeFlash } from '~/lib/flash.server.ts';
import { databaseMiddleware } from '~/middleware/database.server.ts';
import { i18nextMiddleware } from '~/middleware/i18n.server.ts';
import { inputMiddleware } from '~/middleware/input.server.ts';
import { languageChoiceMiddleware } from '~/middleware/language-choice.server.ts';
import { securityMiddleware } from '~/middleware/security.server.ts';
import { sessionMiddleware } from '~/middleware/session.server.ts';
import { tenancyMiddleware } from '~/middleware/tenancy.server.ts';
import { localized } from '~/tenancy/commune.ts';
import { pageMeta } from '~/ui/meta.ts';
import { useHydrate } from '~/ui/route-handle.ts';
import { THEME_COLOR } from '~/ui/theme.ts';
import stylesheet from '~/ui/styles.css?url';
import type { Route } from './+types/root';

export const middleware: Route.MiddlewareFunction[] = [
  // Language first, so even a refused or failed request gets a page in the reader's language.
  i18nextMiddleware,
  securityMiddleware,
  // An address with a NUL, another control character or broken encoding: 400/404, no query.
  inputMiddleware,
  databaseMiddleware,
  tenancyMiddleware,
  sessionMiddleware,
  // `?lng=xx` is a choice: remember it in a cookie so it sticks on every page.
  languageChoiceMiddleware,
];

export const links: Route.LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
  { rel: 'apple-touch-icon', href: '/apple-touch-icon.png' },
];

/** Pages without a meta of their own (a 404) still say what the site is. */
export const meta: Route.MetaFunction = (args) => pageMeta(args, { title: 'Baan' });

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = getLocale(context) as Locale;
  const user = context.get(userContext);
  const commune = context.get(communeContext);
  const { flash, clear } = await takeFlash(request);
  // The bell's count: signed-in requests only (they carry a session cookie, so the page cache
  // never keeps them); one count on an index of the person's unread rows.
  const unread = user ? await countUnread(context.get(databaseContext).db, user.id) : 0;
  const { t } = getI18n(context);
  const communeName = commune ? localized(commune.name, locale, commune.defaultLocale).text : null;
  return data(
    {
      locale,
      // What a page without its own description is about: the commune's site, or Baan's.
      description: communeName ? t('common:meta.commune', { name: communeName }) : t('common:meta.site'),
      // Where links to this page in the other languages point (hreflang); null when the
      // public address is not known, as a relative one would be ignored.
      origin: linkOrigin(request),
      user: user ? { displayName: user.displayName, isOperator: user.isOperator, unread } : null,
      commune: commune && communeName ? { slug: commune.slug, name: communeName } : null,
      flash,
    },
    { headers: clear ? { 'Set-Cookie': clear } : undefined },
  );
}

/**
 * A navigation in the browser to a page in another language (`?lng=`, a redirect after signing
 * in): the server rendered its data in that language, so the browser's translator switches to
 * it, with its texts downloaded, before the page shows. Not run at hydration (the page arrives
 * in its own language).
 */
export async function clientLoader({ serverLoader }: Route.ClientLoaderArgs) {
  const rootData = await serverLoader();
  await switchLanguage(i18next, rootData.locale);
  return rootData;
}

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRouteLoaderData<typeof loader>('root');
  const { t, i18n } = useT();
  const hydrate = useHydrate();
  const locale = root?.locale ?? (i18n.language as Locale) ?? 'en';
  return (
    <html lang={locale} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content={THEME_COLOR} />
        <Meta />
        <Links />
        <link rel="manifest" href={`${root?.commune ? `/${root.commune.slug}` : ''}/manifest.webmanifest?lng=${locale}`} />
        <LanguageAlternates origin={root?.origin ?? null} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t('common:nav.skipToContent')}
        </a>
        <SiteHeader />
        {root?.flash && !root.flash.at ? (
          <div className={`flash flash-${root.flash.tone ?? 'success'}`} role="status">
            {t(root.flash.key, root.flash.params ?? {})}
          </div>
        ) : null}
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>{t('common:footer.about')}</p>
        </footer>
        {hydrate ? (
          <>
            <ScrollRestoration />
            <Scripts />
          </>
        ) : null}
      </body>
    </html>
  );
}

/**
 * The same page in each language (`rel=alternate hreflang`), so a search engine shows Thai
 * readers the Thai page: `?lng=` picks the language, and the address without it is the default
 * (the reader's own language, from the browser).
 */
function LanguageAlternates({ origin }: { origin: string | null }) {
  const location = useLocation();
  if (!origin) return null;
  const params = new URLSearchParams(location.search);
  params.delete('lng');
  const address = (lng: Locale | null) => {
    const query = new URLSearchParams(params);
    if (lng) query.set('lng', lng);
    const search = query.toString();
    return `${origin}${location.pathname}${search ? `?${search}` : ''}`;
  };
  return (
    <>
      {LOCALES.map((lng) => (
        <link key={lng} rel="alternate" hrefLang={lng} href={address(lng)} />
      ))}
      <link rel="alternate" hrefLang="x-default" href={address(null)} />
    </>
  );
}

function SiteHeader() {
  const root = useRouteLoaderData<typeof loader>('root');
  const { t } = useT();
  const location = useLocation();
  const here = location.pathname + location.search;
  return (
    <header className="site-header">
      <div className="bar">
        <Link to="/" className="brand">
          {t('common:brand')}
        </Link>
        <nav aria-label={t('common:nav.account')} className="account-nav">
          <Link to="/cart">{t('common:nav.cart')}</Link>
          {root?.user ? (
            <>
              <Link
                to="/notifications"
                className="bell"
                aria-label={root.user.unread ? t('notifications:bellUnread', { count: root.user.unread }) : t('notifications:bell')}
              >
                <span aria-hidden="true">🔔</span>
                {root.user.unread ? (
                  <span className="bell-count" aria-hidden="true">
                    {root.user.unread > 99 ? '99+' : root.user.unread}
                  </span>
                ) : null}
              </Link>
              <Link to="/orders">{t('common:nav.orders')}</Link>
              <Link to="/account">{root.user.displayName}</Link>
              <form method="post" action="/logout" className="inline-form">
                <button type="submit" className="link-button">
                  {t('common:nav.signOut')}
                </button>
              </form>
            </>
          ) : (
            <>
              <Link to={`/login?redirectTo=${encodeURIComponent(here)}`}>{t('common:nav.signIn')}</Link>
              <Link to="/signup">{t('common:nav.signUp')}</Link>
            </>
          )}
        </nav>
      </div>
      <nav aria-label={t('common:language.label')} className="language-nav">
        {LOCALES.map((lng) => (
          <a key={lng} href={withLanguage(here, lng)} hrefLang={lng} lang={lng} aria-current={root?.locale === lng ? 'true' : undefined}>
            {LOCALE_NAMES[lng]}
          </a>
        ))}
      </nav>
    </header>
  );
}

/** The same page in another language (a full page load: the new language's texts come with it). */
function withLanguage(path: string, lng: Locale): string {
  const url = new URL(path, 'http://baan.invalid');
  url.searchParams.set('lng', lng);
  return url.pathname + url.search;
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const { t } = useT();
  let status = 500;
  let messageKey: MessageKey = 'common:errors.unexpected';
  if (isRouteErrorResponse(error)) {
    status = error.status;
    const fromData = (error.data as { messageKey?: MessageKey } | undefined)?.messageKey;
    messageKey = fromData ?? (status === 404 ? 'common:errors.notFound' : status === 403 ? 'common:errors.forbidden' : 'common:errors.unexpected');
  } else if (import.meta.env.DEV && error instanceof Error) {
    console.error(error);
  }
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-code">{status}</p>
      <h1 id="error-title">{t(status === 404 ? 'common:errors.notFoundTitle' : 'common:errors.title')}</h1>
      <p>{t(messageKey)}</p>
      <p>
        <Link to="/">{t('common:errors.backHome')}</Link>
      </p>
    </section>
  );
}
