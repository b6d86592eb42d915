import { useT } from '~/i18n/use-t.ts';
import { Link } from 'react-router';
import { requireCommune, scopeOf } from '~/auth/guards.server.ts';
import { getLocale } from '~/i18n/translator.server.ts';
import { LOCALE_NAMES, type Locale } from '~/i18n/config.ts';
import { formatDate } from '~/i18n/format.ts';
import { databaseContext } from '~/lib/context.ts';
import { AnnouncementCard } from '~/handbook/announcement.tsx';
import { listAnnouncements } from '~/handbook/news.server.ts';
import { getMedia } from '~/media/media.server.ts';
import { ResponsiveImage } from '~/media/responsive-image.tsx';
import { langOf, localized } from '../commune.ts';
import { getProvince } from '../communes.server.ts';
import type { RouteHandle } from '~/ui/route-handle.ts';
import type { Route } from './+types/commune-home';
import { pageMeta } from '~/ui/meta.ts';

/** A reading page: plain HTML, no JavaScript to download (see root.tsx). */
export const handle: RouteHandle = { hydrate: false };

export async function loader({ context }: Route.LoaderArgs) {
  const commune = requireCommune(context);
  const locale = getLocale(context) as Locale;
  const db = context.get(databaseContext).db;
  const province = await getProvince(db, commune.country, commune.provinceCode);
  const scope = { ...scopeOf(context), tenantId: commune.id };
  const [cover, announcements] = await Promise.all([
    commune.coverMediaId ? getMedia(scope, commune.coverMediaId) : null,
    listAnnouncements(scope, locale, commune.defaultLocale, new Date(), { pinnedOnly: true, limit: 3 }),
  ]);
  const name = localized(commune.name, locale, commune.defaultLocale);
  const intro = localized(commune.intro, locale, commune.defaultLocale);
  return {
    slug: commune.slug,
    name: name.text,
    tagline: localized(commune.tagline, locale, commune.defaultLocale).text,
    intro: intro.text,
    // The language the introduction is shown in, when not the reader's (English before the commune's).
    introLang: langOf(intro, locale),
    province: province ? (province.name[locale] ?? province.name.en ?? province.code) : commune.provinceCode,
    country: commune.country,
    cover,
    // What the commune pinned (a water cut, a vaccination day) is the first thing a villager sees.
    pinned: announcements.map((a) => ({ id: a.id, title: a.title, body: a.body, lang: a.lang, date: formatDate(a.publishedAt, locale, commune.timeZone) })),
  };
}

export const meta: Route.MetaFunction = (args) =>
  args.loaderData ? pageMeta(args, { title: `${args.loaderData.name} · Baan`, description: args.loaderData.tagline }) : [];

export default function CommuneHome({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const d = loaderData;
  return (
    <article className="stack">
      <header>
        <h1>{d.name}</h1>
        <p className="muted">
          {t('tenancy:commune.inProvince', { province: d.province })} · {t(`tenancy:country.${d.country as 'VN'}`)}
        </p>
        {d.tagline ? <p>{d.tagline}</p> : null}
      </header>
      {d.pinned.length > 0 ? (
        <section aria-labelledby="pinned-title" className="stack">
          <h2 id="pinned-title">{t('tenancy:commune.pinned')}</h2>
          {d.pinned.map((a) => (
            <AnnouncementCard key={a.id} announcement={a} pinned meta={<p className="muted">{a.date}</p>} />
          ))}
          <p>
            <Link to={`/${d.slug}/news`}>{t('tenancy:commune.allNews')}</Link>
          </p>
        </section>
      ) : null}
      {d.cover ? (
        <div className="hero">
          <ResponsiveImage image={d.cover} alt={t('tenancy:commune.coverAlt', { name: d.name })} eager />
        </div>
      ) : null}
      {d.intro ? (
        <section aria-labelledby="intro-title">
          <h2 id="intro-title">{t('tenancy:commune.about')}</h2>
          {d.introLang ? <p className="notice">{t('common:fallbackNotice', { language: LOCALE_NAMES[d.introLang] })}</p> : null}
          <p lang={d.introLang}>{d.intro}</p>
        </section>
      ) : null}
      <ul className="sections">
        {(['handbook', 'market', 'tourism'] as const).map((section) => (
          <li key={section}>
            <Link to={`/${d.slug}/${section}`}>
              <strong>{t(`tenancy:sections.${section}.title`)}</strong>
              <span className="muted">{t(`tenancy:sections.${section}.summary`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </article>
  );
}
