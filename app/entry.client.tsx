import i18next from 'i18next';
import { StrictMode, startTransition } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { HydratedRouter } from 'react-router/dom';
import { FALLBACK_LOCALE, isLocale, NAMESPACES } from '~/i18n/config.ts';

// Only the page's own language is downloaded (one small chunk per namespace).
const files = import.meta.glob<{ default: Record<string, unknown> }>('../locales/*/*.json');

async function main() {
  const lang = document.documentElement.lang;
  const lng = isLocale(lang) ? lang : FALLBACK_LOCALE;
  const bundles = await Promise.all(
    NAMESPACES.map(async (ns) => {
      const load = files[`../locales/${lng}/${ns}.json`];
      return [ns, load ? (await load()).default : {}] as const;
    }),
  );
  await i18next.use(initReactI18next).init({
    lng,
    ns: [...NAMESPACES],
    defaultNS: 'common',
    fallbackLng: false,
    resources: { [lng]: Object.fromEntries(bundles) },
    interpolation: { escapeValue: false },
  });
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <HydratedRouter />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void main();
