import type { i18n } from 'i18next';
import { NAMESPACES, type Locale } from './config.ts';

// Only a page's own language is downloaded (one small chunk per namespace), at hydration and
// whenever a navigation in the browser reaches a page in another language.
const files = import.meta.glob<{ default: Record<string, unknown> }>('../../locales/*/*.json');

/** The texts of `lng` in every namespace, downloaded. */
export async function languageBundles(lng: Locale): Promise<Record<string, Record<string, unknown>>> {
  const bundles = await Promise.all(
    NAMESPACES.map(async (ns) => {
      const load = files[`../../locales/${lng}/${ns}.json`];
      return [ns, load ? (await load()).default : {}] as const;
    }),
  );
  return Object.fromEntries(bundles);
}

/**
 * Switches the browser's translator to `lng` (the language the server rendered the next page
 * in), downloading its texts first, so the page never shows in the previous page's language.
 */
export async function switchLanguage(instance: i18n, lng: Locale): Promise<void> {
  if (instance.language === lng) return;
  if (!instance.hasResourceBundle(lng, 'common')) {
    for (const [ns, bundle] of Object.entries(await languageBundles(lng))) instance.addResourceBundle(lng, ns, bundle);
  }
  await instance.changeLanguage(lng);
}
