import { scopeOf } from '~/auth/guards.server.ts';
import type { Locale } from '~/i18n/config.ts';
import { getLocale } from '~/i18n/translator.server.ts';
import { communeContext } from '~/lib/context.ts';
import { parseBbox, parseKinds, placesGeoJsonText } from '../places.server.ts';
import type { Route } from './+types/places-geojson';

/**
 * Published places as GeoJSON (RFC 7946): `/{commune}/places.geojson` for one commune,
 * `/map/places.geojson?bbox=west,south,east,north&kind=homestay,food` for the national map.
 */
export async function loader({ context, request }: Route.LoaderArgs) {
  const commune = context.get(communeContext);
  const params = new URL(request.url).searchParams;
  const rawBbox = params.get('bbox');
  const bbox = parseBbox(rawBbox);
  if (rawBbox && !bbox) {
    return Response.json(
      // RFC 9457, with a stable type and code for programs (the words are for the developer reading it).
      {
        type: '/problems/invalid-bbox',
        code: 'invalid_bbox',
        title: 'Invalid bbox',
        status: 400,
        detail: 'bbox must be west,south,east,north in degrees, west ≤ east, south ≤ north.',
      },
      { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
    );
  }
  const body = await placesGeoJsonText(
    { ...scopeOf(context), tenantId: commune?.id ?? null },
    { tenantId: commune?.id ?? null, bbox, kinds: parseKinds(params) },
    getLocale(context) as Locale,
  );
  return new Response(body, {
    headers: {
      'Content-Type': 'application/geo+json; charset=utf-8',
      'Cache-Control': 'public, max-age=60',
      'Access-Control-Allow-Origin': '*',
      Vary: 'Accept-Language, Cookie',
    },
  });
}
