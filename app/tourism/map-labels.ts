import { PLACE_KINDS, type PlaceKind } from './kinds.ts';
import type { MapLabels } from './places-map.ts';

/** The keys a map's words come from: any translator that reads the tourism namespace takes them. */
type MapLabelKey = `tourism:kinds.${PlaceKind}` | `tourism:explore.${'legend' | 'fallbackNotice' | 'open' | 'zoomIn' | 'zoomOut' | 'close' | 'mapLabel'}`;
type MapLabelTranslator = (key: MapLabelKey) => string;

/** The words a map shows (legend, notice, buttons), in the reader's language, for a page's map script. */
export function mapLabels(t: MapLabelTranslator): MapLabels {
  return {
    legend: t('tourism:explore.legend'),
    kinds: Object.fromEntries(PLACE_KINDS.map((k) => [k, t(`tourism:kinds.${k}`)])) as Record<PlaceKind, string>,
    fallbackNotice: t('tourism:explore.fallbackNotice'),
    open: t('tourism:explore.open'),
    zoomIn: t('tourism:explore.zoomIn'),
    zoomOut: t('tourism:explore.zoomOut'),
    close: t('tourism:explore.close'),
    mapLabel: t('tourism:explore.mapLabel'),
  };
}
