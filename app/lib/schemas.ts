import { z } from 'zod';
import type { LocaleText } from '#domain/locale-text.ts';
import { UUID_PATTERN } from './ids.ts';

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

/** A checkbox: ticked ("on", as a browser sends it, or "true"/"1") or not (absent). */
export const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on' || v === 'true' || v === '1');

/** An optional whole number from `min` to `max` typed in a form; empty becomes undefined. */
export const optionalInt = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .pipe(
      z
        .string()
        .regex(/^\d{1,9}$/, message)
        .transform(Number)
        .pipe(z.number().int().min(min, message).max(max, message))
        .optional(),
    );

/** A calendar day, YYYY-MM-DD, that exists (no 31 February). */
export const isoDay = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine((v) => {
      // A day that exists: 2025-02-31 would roll over to March.
      const day = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(v);
    }, message);

/** An optional calendar day; empty becomes undefined. */
export const optionalIsoDay = (message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .pipe(isoDay(message).optional());

/**
 * An id sent in a form: a UUID as Postgres writes it (UUID_PATTERN), or the field is refused
 * with `message`. Anything else (36 `a`s included) never reaches a query, where the cast to
 * uuid would fail as a 500.
 */
export const uuid = (message = 'common:validation.invalid') => z.string({ error: message }).trim().regex(UUID_PATTERN, message);

/** An optional id (see `uuid`); empty becomes null. */
export const optionalUuid = (message = 'common:validation.invalid') =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || UUID_PATTERN.test(v), message);
