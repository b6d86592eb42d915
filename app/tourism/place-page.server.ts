import type { RouterContextProvider } from 'react-router';
import { requireCommune, scopeOf, viewerCan } from '~/auth/guards.server.ts';
import type { Locale } from '~/i18n/config.ts';
import { getI18n, getLocale } from '~/i18n/translator.server.ts';
import { notFound } from '~/lib/errors.ts';
import { env, linkOrigin } from '~/lib/env.server.ts';
import { searchCatalogue } from '~/market/catalogue.server.ts';
import { parseCatalogueQuery } from '~/market/catalogue.ts';
import { langOf, localized } from '~/tenancy/commune.ts';
import { inertJson } from '~/ui/inert-json.ts';
import { listEvents } from './events.server.ts';
import type { PlaceKind } from './kinds.ts';
import { mapLabels } from './map-labels.ts';
import type { PlaceMapConfig } from './place-map.browser.ts';
import { getPlace, nearbyPlaces } from './places.server.ts';
import { todayIn } from './schemas.ts';

const SCHEMA_TYPES: Record<PlaceKind, string> = {
  homestay: 'LodgingBusiness',
  food: 'Restaurant',
  sight: 'TouristAttraction',
  craft_village: 'TouristAttraction',
  market: 'TouristAttraction',
  viewpoint: 'TouristAttraction',
  trail: 'TouristAttraction',
};

/**
 * Everything a place's page shows: the place in the reader's language, the small map with its
 * neighbours, products and events nearby, structured data for search engines, and whether the
 * viewer may edit it. A missing or unpublished place is 404.
 */
export async function loadPlacePage(context: Readonly<RouterContextProvider>, request: Request, slug: string) {
  const commune = requireCommune(context);
  const locale = getLocale(context) as Locale;
  const scope = { ...scopeOf(context), tenantId: commune.id };
  const place = await getPlace(scope, slug);
  if (!place) notFound();
  const kind = place.kind as PlaceKind;
  const l = (text: Partial<Record<string, string>> | undefined) => localized(text ?? {}, locale, commune.defaultLocale);
  const [nearby, products, here, canEdit] = await Promise.all([
    nearbyPlaces(scope, place),
    searchCatalogue(scope, { ...parseCatalogueQuery(new URLSearchParams(), commune.currency), sort: 'newest' }, 4),
    listEvents(scope, todayIn(commune.timeZone), 50, place.id),
    viewerCan(context, 'place.manage'),
  ]);
  // Absolute links in structured data never come from the client's Host header (PUBLIC_URL).
  const origin = linkOrigin(request) ?? '';
  const name = l(place.name);
  const summary = l(place.summary);
  const description = l(place.description);
  const jsonLd = [
    {
      '@context': 'https://schema.org',
      '@type': SCHEMA_TYPES[kind],
      name: name.text,
      description: summary.text || undefined,
      url: `${origin}/${commune.slug}/tourism/${place.slug}`,
      geo: { '@type': 'GeoCoordinates', latitude: place.lat, longitude: place.lon },
      telephone: place.phone ?? undefined,
      sameAs: place.website ?? undefined,
      image: place.photos.map((p) => `${origin}/media/${p.variants[p.variants.length - 1]?.key}`),
      ...(kind === 'homestay' && place.details.priceFrom
        ? {
            priceRange: `${place.details.priceFrom}${place.details.priceTo ? `–${place.details.priceTo}` : ''} ${commune.currency}`,
            numberOfRooms: place.details.rooms,
          }
        : {}),
      ...(kind === 'food' && l(place.details.dishes).text ? { servesCuisine: l(place.details.dishes).text } : {}),
    },
    ...here.map((e) => ({
      '@context': 'https://schema.org',
      '@type': 'Event',
      name: l(e.title).text,
      // schema.org's inLanguage (an Event's, not a Place's): the language the event's name is in.
      inLanguage: l(e.title).lang ?? locale,
      startDate: e.startTime ? `${e.startsOn}T${e.startTime}` : e.startsOn,
      endDate: e.endsOn,
      location: { '@type': 'Place', name: name.text, geo: { '@type': 'GeoCoordinates', latitude: place.lat, longitude: place.lon } },
    })),
  ];
  const { t } = getI18n(context);
  const minorPerUnit = commune.currency === 'THB' ? 100 : 1;
  const feature = (slug: string, kind: PlaceKind, placeName: string, lat: number, lon: number) => ({
    type: 'Feature' as const,
    geometry: { type: 'Point' as const, coordinates: [lon, lat] as [number, number] },
    properties: { id: `${commune.slug}/${slug}`, kind, name: placeName, url: `/${commune.slug}/tourism/${slug}` },
  });
  const mapConfig: PlaceMapConfig = {
    styleUrl: env.mapStyleUrl,
    view: { lat: place.lat, lon: place.lon, zoom: 14 },
    id: `${commune.slug}/${place.slug}`,
    places: {
      type: 'FeatureCollection',
      features: [feature(place.slug, kind, name.text, place.lat, place.lon), ...nearby.map((n) => feature(n.slug, n.kind, l(n.name).text, n.lat, n.lon))],
    },
    track: place.track?.map(([lon, lat]) => [lon, lat] as [number, number]) ?? null,
    labels: mapLabels(t),
  };
  return {
    title: name.text,
    mapConfig: inertJson(mapConfig),
    communeSlug: commune.slug,
    communeName: localized(commune.name, locale, commune.defaultLocale).text,
    currency: commune.currency,
    timeZone: commune.timeZone,
    today: todayIn(commune.timeZone),
    canEdit,
    place: {
      id: place.id,
      slug: place.slug,
      kind,
      name: name.text,
      fellBack: name.fellBack || description.fellBack,
      summary: summary.text,
      description: description.text,
      // Each text's language where it is not the page's (a Thai reader shown the English).
      lang: { name: langOf(name, locale), summary: langOf(summary, locale), description: langOf(description, locale) },
      lat: place.lat,
      lon: place.lon,
      phone: place.phone,
      zalo: place.zalo,
      website: place.website,
      hours: l(place.hours).text,
      photos: place.photos,
      details: {
        rooms: place.details.rooms ?? null,
        // Stored in whole units (as the host quotes them); Money takes minor units.
        priceFrom: typeof place.details.priceFrom === 'number' ? place.details.priceFrom * minorPerUnit : null,
        priceTo: typeof place.details.priceTo === 'number' ? place.details.priceTo * minorPerUnit : null,
        meals: place.details.meals ?? null,
        wifi: place.details.wifi ?? null,
        dishes: l(place.details.dishes).text,
        fees: l(place.details.fees).text,
        bestSeason: l(place.details.bestSeason).text,
      },
      track: place.track,
      lengthM: place.lengthM,
      gainM: place.gainM,
    },
    nearby: nearby.map((n) => ({ slug: n.slug, kind: n.kind, name: l(n.name).text, distanceM: n.distanceM })),
    products: products.items.map((p) => ({ slug: p.slug, title: l(p.title).text, priceMinor: p.priceMinor, currency: p.currency })),
    events: here.map((e) => ({ id: e.id, title: l(e.title).text, startsOn: e.startsOn, endsOn: e.endsOn })),
    jsonLd: inertJson(jsonLd),
    kindLabel: t(`tourism:kinds.${kind}`),
  };
}
