import type { Resource } from 'i18next';

// Every locale's namespaces, bundled for the server (the client loads only its own language).
const files = import.meta.glob<{ default: Record<string, unknown> }>('../../locales/*/*.json', { eager: true });

export const resources: Resource = {};
for (const [file, module] of Object.entries(files)) {
  const match = /locales\/([a-z]{2})\/([a-z-]+)\.json$/.exec(file);
  if (!match) continue;
  const [, locale, namespace] = match as unknown as [string, string, string];
  resources[locale] ??= {};
  resources[locale]![namespace] = module.default;
}
