import i18next from 'i18next';
import { StrictMode, startTransition } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { HydratedRouter } from 'react-router/dom';
import { languageBundles } from '~/i18n/client-language.ts';
import { FALLBACK_LOCALE, isLocale, NAMESPACES } from '~/i18n/config.ts';

async function main() {
  const lang = document.documentElement.lang;
  const lng = isLocale(lang) ? lang : FALLBACK_LOCALE;
  const bundles = await languageBundles(lng);
  await i18next.use(initReactI18next).init({
    lng,
    ns: [...NAMESPACES],
    defaultNS: 'common',
    fallbackLng: false,
    resources: { [lng]: bundles },
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
