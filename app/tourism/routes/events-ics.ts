import { requireCommune, scopeOf } from '~/auth/guards.server.ts';
import type { Locale } from '~/i18n/config.ts';
import { getLocale } from '~/i18n/translator.server.ts';
import { publicOrigin } from '~/lib/env.server.ts';
import { addVary } from '~/lib/security.server.ts';
import { localized } from '~/tenancy/commune.ts';
import { listEvents, toICalendar } from '../events.server.ts';
import { todayIn } from '../schemas.ts';
import type { Route } from './+types/events-ics';

/** `/{commune}/events.ics`: an iCalendar feed a phone calendar subscribes to. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const commune = requireCommune(context);
  const locale = getLocale(context) as Locale;
  const events = await listEvents({ ...scopeOf(context), tenantId: commune.id }, todayIn(commune.timeZone));
  const l = (text: Partial<Record<string, string>> | null) => (text ? localized(text, locale, commune.defaultLocale).text : '');
  const body = toICalendar({
    communeName: `${localized(commune.name, locale, commune.defaultLocale).text} · Baan`,
    origin: publicOrigin(request),
    communeSlug: commune.slug,
    timeZone: commune.timeZone,
    events: events.map((e) => ({ ...e, titleText: l(e.title), descriptionText: l(e.description), placeText: e.placeName ? l(e.placeName) : null })),
  });
  const response = new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `inline; filename="${commune.slug}-events.ics"`,
      'Cache-Control': 'public, max-age=300',
    },
  });
  // Titles come in the reader's language: a shared cache must keep one copy per language.
  addVary(response.headers, 'Accept-Language', 'Cookie');
  return response;
}
