/** Text a person reads, per locale. Missing locales fall back to the commune's default. */
export type LocaleText = Partial<Record<'vi' | 'en' | 'th', string>>;
