import type { i18n, TFunction } from 'i18next';
import { useContext } from 'react';
import { getI18n, I18nContext, useTranslation } from 'react-i18next';
import type { NAMESPACES } from './config.ts';

/**
 * A translator of every namespace: `t('market:status.placed')`, or a bare key of `common`. Keys and
 * their interpolation values are checked against locales/en (app/i18n/i18next.d.ts).
 */
export type Translator = TFunction<typeof NAMESPACES>;

/**
 * What components call for their texts: `useTranslation()`, without its cost on the server.
 *
 * react-i18next copies the whole i18n instance (41 properties) into a new wrapper object on
 * every `useTranslation` call of a server render, so React would notice a language change;
 * a server render never sees one. On the server this reads the request's instance from the
 * context instead (its `t` remembers texts: app/i18n/translator.server.ts). In the browser it
 * is `useTranslation`, which re-renders on a language change.
 */
export const useT: () => { t: Translator; i18n: i18n } = (typeof document === 'undefined' ? useServerT : useTranslation) as () => {
  // Both hand out a translator of the default namespace that also reads `ns:key`; its type names every namespace.
  t: Translator;
  i18n: i18n;
};

/** The i18n instance of the render (the request's on the server), without `useTranslation`'s translator. */
export function useI18nInstance() {
  return useContext(I18nContext)?.i18n ?? getI18n();
}

// One translator per language instance (they live as long as the server): built once, not per call.
const serverTranslators = new WeakMap<object, Translator>();

function useServerT() {
  const i18n = useI18nInstance();
  let t = serverTranslators.get(i18n);
  if (!t) {
    t = i18n.getFixedT(null, null) as Translator;
    serverTranslators.set(i18n, t);
  }
  return { t, i18n };
}
