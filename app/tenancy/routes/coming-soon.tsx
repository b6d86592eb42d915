import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { requireCommune } from '~/auth/guards.server.ts';
import type { RouteHandle } from '~/ui/route-handle.ts';
import type { Route } from './+types/coming-soon';

/** A reading page: plain HTML, no JavaScript to download (see root.tsx). */
export const handle: RouteHandle = { hydrate: false };

const SECTIONS = { 'tourism-soon': 'tourism' } as const;

/** Handbook, market and tourism each arrive with their own issue; until then, say so plainly. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const commune = requireCommune(context);
  const segment = new URL(request.url).pathname.split('/')[2] ?? 'handbook';
  const section = Object.values(SECTIONS).find((s) => s === segment) ?? 'market';
  return { slug: commune.slug, section };
}

export default function ComingSoon({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { slug, section } = loaderData;
  return (
    <section className="stack">
      <h1>{t(`tenancy:sections.${section}.title`)}</h1>
      <p>{t(`tenancy:sections.${section}.summary`)}</p>
      <p className="notice">{t('tenancy:sections.comingSoon')}</p>
      <p>
        <Link to={`/${slug}`}>{t('tenancy:sections.backToCommune')}</Link>
      </p>
    </section>
  );
}
