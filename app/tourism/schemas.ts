import { z } from 'zod';
import { PhoneSchema } from '~/auth/schemas.ts';
import type { Locale } from '~/i18n/config.ts';
import { checkbox, isoDay, localeTextSchema, optionalText, optionalInt, optionalUuid } from '~/lib/schemas.ts';
import { parsePrice } from '~/market/schemas.ts';
import { PLACE_KINDS } from './kinds.ts';

const coordinate = (min: number, max: number, message: string) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^-?\d{1,3}(\.\d{1,10})?$/, message)
    .transform(Number)
    .pipe(z.number().min(min, message).max(max, message));

/** Today in a time zone, as YYYY-MM-DD (what "in the past" means for a date a person picks). */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * A night's price in whole units of the commune's currency (what a host quotes: "250.000" đồng,
 * "1,500" baht), read as the marketplace reads prices; decimals of a baht are refused, not misread.
 */
const wholePrice = (currency: 'VND' | 'THB') =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return undefined;
      const minor = parsePrice(value, currency);
      const whole = minor === null ? NaN : currency === 'THB' ? minor / 100 : minor;
      if (Number.isInteger(whole) && whole <= 1_000_000_000) return whole;
      ctx.addIssue({ code: 'custom', message: minor === null ? 'tourism:errors.price' : 'tourism:errors.wholePrice' });
      return z.NEVER;
    });

export function placeInputSchema(primary: Locale, currency: 'VND' | 'THB') {
  return z
    .object({
      kind: z.enum(PLACE_KINDS, { error: 'tourism:errors.kind' }),
      name: localeTextSchema(120),
      summary: localeTextSchema(300),
      description: localeTextSchema(6000),
      lat: coordinate(-90, 90, 'tourism:errors.lat'),
      lon: coordinate(-180, 180, 'tourism:errors.lon'),
      phone: PhoneSchema,
      zalo: PhoneSchema,
      website: z
        .string()
        .trim()
        .max(300, 'common:validation.tooLong')
        .optional()
        .transform((v) => v || null)
        .refine((v) => v === null || /^https?:\/\/[^\s]+\.[^\s]+$/.test(v), 'tourism:errors.website'),
      hours: localeTextSchema(200),
      published: checkbox,
      rooms: optionalInt(1, 500, 'tourism:errors.rooms'),
      priceFrom: wholePrice(currency),
      priceTo: wholePrice(currency),
      meals: checkbox,
      wifi: checkbox,
      dishes: localeTextSchema(500),
      fees: localeTextSchema(200),
      bestSeason: localeTextSchema(200),
      ownerEmail: z
        .string()
        .trim()
        .toLowerCase()
        .max(254)
        .optional()
        .transform((v) => v || null),
    })
    .superRefine((v, ctx) => {
      if (!v.name[primary]) ctx.addIssue({ code: 'custom', path: [`name.${primary}`], message: 'tourism:errors.nameRequired' });
      if (v.priceFrom !== undefined && v.priceTo !== undefined && v.priceTo < v.priceFrom)
        ctx.addIssue({ code: 'custom', path: ['priceTo'], message: 'tourism:errors.priceRange' });
    });
}
export type PlaceInput = z.output<ReturnType<typeof placeInputSchema>>;

export function eventInputSchema(primary: Locale, today: string) {
  return z
    .object({
      title: localeTextSchema(160),
      description: localeTextSchema(4000),
      startsOn: isoDay('tourism:errors.date'),
      endsOn: isoDay('tourism:errors.date'),
      startTime: z
        .string()
        .trim()
        .optional()
        .transform((v) => v || null)
        .refine((v) => v === null || /^([01]\d|2[0-3]):[0-5]\d$/.test(v), 'tourism:errors.time'),
      // A malformed id says the same as another commune's place: choose one of this commune.
      placeId: optionalUuid('tourism:errors.placeUnknown'),
    })
    .superRefine((v, ctx) => {
      if (!v.title[primary]) ctx.addIssue({ code: 'custom', path: [`title.${primary}`], message: 'tourism:errors.titleRequired' });
      if (v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'tourism:errors.endBeforeStart' });
      if (v.endsOn < today) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'tourism:errors.inPast' });
    });
}
export type EventInput = z.output<ReturnType<typeof eventInputSchema>>;

export function inquirySchema(today: string) {
  return z
    .object({
      checkIn: isoDay('tourism:errors.date'),
      checkOut: isoDay('tourism:errors.date'),
      guests: z
        .string({ error: 'tourism:errors.guests' })
        .trim()
        .regex(/^\d{1,3}$/, 'tourism:errors.guests')
        .transform(Number)
        .pipe(z.number().int().min(1, 'tourism:errors.guests').max(100, 'tourism:errors.guests')),
      name: z.string({ error: 'tourism:errors.name' }).trim().min(1, 'tourism:errors.name').max(120, 'common:validation.tooLong'),
      phone: PhoneSchema,
      email: z
        .string()
        .trim()
        .toLowerCase()
        .max(254, 'common:validation.tooLong')
        .optional()
        .transform((v) => v || null)
        .refine((v) => v === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'tourism:errors.email'),
      message: optionalText(2000),
    })
    .superRefine((v, ctx) => {
      if (v.checkIn < today) ctx.addIssue({ code: 'custom', path: ['checkIn'], message: 'tourism:errors.inPast' });
      if (v.checkOut <= v.checkIn) ctx.addIssue({ code: 'custom', path: ['checkOut'], message: 'tourism:errors.checkOutBeforeCheckIn' });
      if (!v.phone && !v.email) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'tourism:errors.noWayToReply' });
    });
}
export type InquiryInput = z.output<ReturnType<typeof inquirySchema>>;

/** A host's reply to a guest's inquiry (sent by e-mail or SMS to what the guest left). */
export const inquiryReplySchema = z.object({
  message: z.string().trim().min(1, 'tourism:inbox.replyEmpty').max(1000, 'common:validation.tooLong'),
});
