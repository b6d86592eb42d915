import { z } from 'zod';
import type { LocaleText } from '#db/schema/tenancy.ts';

/** Optional trimmed text up to `max` characters; empty becomes undefined. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'common:validation.tooLong')
    .optional()
    .transform((v) => v || undefined);

/** The same text in vi/en/th (form fields `name.vi`, …), any of them optional; empty ones dropped. */
export const localeTextSchema = (max: number) =>
  z
    .object({ vi: optionalText(max), en: optionalText(max), th: optionalText(max) })
    .transform((v): LocaleText => Object.fromEntries(Object.entries(v).filter(([, x]) => x)) as LocaleText);
