import { z } from 'zod';
import { localeTextSchema, optionalText } from '~/lib/schemas.ts';
import { SLUG_PATTERN } from './commune.ts';

export const CommuneInputSchema = z
  .object({
    slug: z
      .string({ error: 'tenancy:errors.slugRequired' })
      .trim()
      .toLowerCase()
      .min(2, 'tenancy:errors.slugInvalid')
      .max(63, 'tenancy:errors.slugInvalid')
      .regex(SLUG_PATTERN, 'tenancy:errors.slugInvalid'),
    country: z.enum(['VN', 'TH'], { error: 'tenancy:errors.countryInvalid' }),
    provinceCode: z
      .string({ error: 'tenancy:errors.provinceUnknown' })
      .trim()
      .regex(/^\d{2}$/, 'tenancy:errors.provinceUnknown'),
    name: localeTextSchema(120),
    legacyAddress: optionalText(200),
    defaultLocale: z.enum(['vi', 'th', 'en'], { error: 'common:validation.invalid' }),
    currency: z.enum(['VND', 'THB'], { error: 'common:validation.invalid' }),
    timeZone: z.enum(['Asia/Ho_Chi_Minh', 'Asia/Bangkok'], { error: 'common:validation.invalid' }),
    centerLat: z.coerce.number({ error: 'tenancy:errors.latInvalid' }).min(-90, 'tenancy:errors.latInvalid').max(90, 'tenancy:errors.latInvalid'),
    centerLon: z.coerce.number({ error: 'tenancy:errors.lonInvalid' }).min(-180, 'tenancy:errors.lonInvalid').max(180, 'tenancy:errors.lonInvalid'),
    zoom: z.coerce.number({ error: 'common:validation.invalid' }).min(0, 'common:validation.invalid').max(22, 'common:validation.invalid'),
    hostName: z
      .string()
      .trim()
      .toLowerCase()
      .max(253, 'tenancy:errors.hostInvalid')
      .regex(/^$|^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/, 'tenancy:errors.hostInvalid')
      .optional()
      .transform((v) => v || null),
  })
  .refine((v) => Boolean(v.name.vi || v.name.en || v.name.th), { message: 'tenancy:errors.nameRequired', path: ['name.vi'] });
export type CommuneInput = z.output<typeof CommuneInputSchema>;

/** Flat form fields (`name.vi`, …) into the nested shape the schema expects. */
export function nestLocaleFields(raw: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...raw };
  for (const field of fields) {
    out[field] = { vi: raw[`${field}.vi`], en: raw[`${field}.en`], th: raw[`${field}.th`] };
  }
  return out;
}

export const CommuneProfileSchema = z.object({
  tagline: localeTextSchema(160),
  intro: localeTextSchema(2000),
  coverMediaId: z.string().uuid().nullable().optional(),
});
export type CommuneProfileInput = z.output<typeof CommuneProfileSchema>;
