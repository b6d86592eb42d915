import { useContext } from 'react';
import { getI18n, I18nContext, useTranslation } from 'react-i18next';

/**
 * What components call for their texts: `useTranslation()`, without its cost on the server.
 *
 * react-i18next copies the whole i18n instance (41 properties) into a new wrapper object on
 * every `useTranslation` call of a server render, so React would notice a language change;
 * a server render never sees one. On the server this reads the request's instance from the
 * context instead (its `t` remembers texts: app/i18n/middleware.server.ts). In the browser it
 * is `useTranslation`, which re-renders on a language change.
 */
export const useT: () => { t: ReturnType<typeof useTranslation>['t']; i18n: ReturnType<typeof useTranslation>['i18n'] } =
  typeof document === 'undefined' ? useServerT : useTranslation;

/** The i18n instance of the render (the request's on the server), without `useTranslation`'s translator. */
export function useI18nInstance() {
  return useContext(I18nContext)?.i18n ?? getI18n();
}

// One translator per language instance (they live as long as the server): built once, not per call.
const serverTranslators = new WeakMap<object, ReturnType<typeof useTranslation>['t']>();

function useServerT() {
  const i18n = useI18nInstance();
  let t = serverTranslators.get(i18n);
  if (!t) {
    t = i18n.getFixedT(null, null) as ReturnType<typeof useTranslation>['t'];
    serverTranslators.set(i18n, t);
  }
  return { t, i18n } as ReturnType<typeof useTranslation>;
}
