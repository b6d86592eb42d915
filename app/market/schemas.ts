import { z } from 'zod';
import { PRODUCT_CATEGORIES, PRODUCT_UNITS } from '#domain/market.ts';
import { PhoneSchema } from '~/auth/schemas.ts';
import { nameSchema } from '~/lib/display-name.ts';
import { checkbox, localeTextSchema, optionalText, optionalInt, optionalIsoDay } from '~/lib/schemas.ts';
import { bankByBin, normalizeVietnameseAccount } from '~/payments/banks.ts';
import { normalizePromptPayId } from '~/payments/promptpay.ts';

/**
 * A price as a person types it, into the currency's minor unit. VND has no minor unit, so
 * "120.000", "120,000" and "120 000" are all 120000 đồng; THB takes up to two decimals
 * ("45.50" is 4550 satang). Null when it is not a price.
 */
export function parsePrice(input: string, currency: 'VND' | 'THB'): number | null {
  const text = input.trim().replace(/[\s\u00a0]/g, '');
  if (!text) return null;
  if (currency === 'VND') {
    if (!/^\d{1,3}([.,]?\d{3})*$|^\d{1,10}$/.test(text)) return null;
    const value = Number(text.replace(/[.,]/g, ''));
    return Number.isSafeInteger(value) ? value : null;
  }
  const m = /^(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  const value = Number(m[1]!.replace(/,/g, '')) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(value) ? value : null;
}

export const MAX_PRICE_MINOR = 1_000_000_000;
export const MAX_STOCK = 1_000_000;
export const MAX_QUANTITY = 1000;

/** A quantity typed in a cart or on a product page: a whole number from `min` to MAX_QUANTITY, else null. */
export function parseQuantity(input: unknown, min: 0 | 1): number | null {
  const text = String(input ?? '').trim();
  if (!/^\d{1,4}$/.test(text)) return null;
  const quantity = Number(text);
  return quantity >= min && quantity <= MAX_QUANTITY ? quantity : null;
}
export const MAX_PHOTOS = 8;

const intField = (min: number, max: number, message: string) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^\d{1,9}$/, message)
    .transform(Number)
    .pipe(z.number().int().min(min, message).max(max, message));

/** The product form, for a commune's currency and its own language. */
export function productInputSchema(currency: 'VND' | 'THB', primary: 'vi' | 'th' | 'en' = 'vi') {
  return z
    .object({
      title: localeTextSchema(120),
      description: localeTextSchema(4000),
      season: localeTextSchema(200),
      category: z.enum(PRODUCT_CATEGORIES, { error: 'market:errors.category' }),
      unit: z.enum(PRODUCT_UNITS, { error: 'market:errors.unit' }),
      price: z.string({ error: 'market:errors.price' }).transform((v, ctx) => {
        const minor = parsePrice(v, currency);
        if (minor === null || minor <= 0 || minor > MAX_PRICE_MINOR) {
          ctx.addIssue({ code: 'custom', message: 'market:errors.price' });
          return z.NEVER;
        }
        return minor;
      }),
      stock: intField(0, MAX_STOCK, 'market:errors.stock'),
      weightGrams: optionalInt(1, 1_000_000, 'market:errors.weight'),
      certStars: optionalInt(1, 5, 'market:errors.certStars'),
      certNumber: optionalText(60),
      certAuthority: optionalText(160),
      certIssuedOn: optionalIsoDay('market:errors.date'),
      certExpiresOn: optionalIsoDay('market:errors.date'),
    })
    .superRefine((v, ctx) => {
      // The commune's own language is required (Vietnamese in Vietnam, Thai in Thailand); others are optional.
      if (!v.title[primary]) ctx.addIssue({ code: 'custom', path: [`title.${primary}`], message: 'market:errors.titleRequired' });
      if (v.certStars !== undefined) {
        // OCOP certifies 3–5 stars; OTOP grades 1–5.
        if (currency === 'VND' && v.certStars < 3) ctx.addIssue({ code: 'custom', path: ['certStars'], message: 'market:errors.ocopStars' });
        if (!v.certNumber) ctx.addIssue({ code: 'custom', path: ['certNumber'], message: 'market:errors.certNumber' });
        if (!v.certIssuedOn) ctx.addIssue({ code: 'custom', path: ['certIssuedOn'], message: 'market:errors.date' });
      }
      if (v.certIssuedOn && v.certIssuedOn > new Date().toISOString().slice(0, 10)) {
        ctx.addIssue({ code: 'custom', path: ['certIssuedOn'], message: 'market:errors.issuedInFuture' });
      }
      if (v.certIssuedOn && v.certExpiresOn && v.certExpiresOn <= v.certIssuedOn) {
        ctx.addIssue({ code: 'custom', path: ['certExpiresOn'], message: 'market:errors.expiresBeforeIssued' });
      }
    });
}
export type ProductInput = z.output<ReturnType<typeof productInputSchema>>;

export const SellerProfileSchema = z.object({
  // A shop's public name follows the display-name rule (no hidden characters, no staff titles).
  name: nameSchema({ max: 120, required: 'market:errors.sellerName', tooLong: 'common:validation.tooLong' }),
  hamlet: optionalText(120),
  story: localeTextSchema(1000),
  phone: PhoneSchema,
  zalo: PhoneSchema,
  isCooperative: checkbox,
});
export type SellerProfileInput = z.output<typeof SellerProfileSchema>;

export const RejectSchema = z.object({
  reason: z.string({ error: 'market:errors.reason' }).trim().min(3, 'market:errors.reason').max(500, 'common:validation.tooLong'),
});

export const DeliverySchema = z.object({
  name: z.string({ error: 'market:errors.deliveryName' }).trim().min(1, 'market:errors.deliveryName').max(120, 'common:validation.tooLong'),
  phone: z
    .string({ error: 'auth:errors.phoneInvalid' })
    .trim()
    .regex(/^\+?[0-9][0-9 .-]{7,22}$/, 'auth:errors.phoneInvalid'),
  provinceCode: z
    .string({ error: 'market:errors.province' })
    .trim()
    .regex(/^(VN|TH)-\d{2}$/, 'market:errors.province'),
  commune: z.string({ error: 'market:errors.addressCommune' }).trim().min(2, 'market:errors.addressCommune').max(120, 'common:validation.tooLong'),
  street: z.string({ error: 'market:errors.street' }).trim().min(3, 'market:errors.street').max(240, 'common:validation.tooLong'),
  note: optionalText(500),
});
export type DeliveryInput = z.output<typeof DeliverySchema>;

export const ShipSchema = z.object({
  carrier: z.string({ error: 'market:errors.carrier' }).trim().min(2, 'market:errors.carrier').max(80, 'common:validation.tooLong'),
  tracking: optionalText(200),
});

export const RatingSchema = z.object({
  stars: intField(1, 5, 'market:errors.rating'),
  comment: optionalText(1000),
});

export const ConsentSchema = z.object({
  note: z.string({ error: 'market:errors.consent' }).trim().min(5, 'market:errors.consent').max(500, 'common:validation.tooLong'),
});

/** How the seller is paid: a Vietnamese bank account (VietQR) or a PromptPay ID (Thailand). */
export function payoutSchema(currency: 'VND' | 'THB') {
  const accountName = z.string({ error: 'market:errors.accountName' }).trim().min(2, 'market:errors.accountName').max(70, 'market:errors.accountName');
  if (currency === 'VND') {
    return z
      .object({
        bankBin: z
          .string({ error: 'market:errors.bank' })
          .trim()
          .refine((bin) => bankByBin(bin) !== null, 'market:errors.bank'),
        account: z.string({ error: 'market:errors.account' }).transform((v, ctx) => {
          const account = normalizeVietnameseAccount(v);
          if (!account) {
            ctx.addIssue({ code: 'custom', message: 'market:errors.account' });
            return z.NEVER;
          }
          return account;
        }),
        accountName,
      })
      .transform((v) => ({ kind: 'vietqr' as const, bin: v.bankBin, account: v.account, accountName: v.accountName.toUpperCase() }));
  }
  return z
    .object({
      promptPayId: z.string({ error: 'market:errors.promptPay' }).refine((v) => normalizePromptPayId(v) !== null, 'market:errors.promptPay'),
      accountName,
    })
    .transform((v) => ({ kind: 'promptpay' as const, id: normalizePromptPayId(v.promptPayId)!.value, accountName: v.accountName }));
}

/** The six digits a seller reads out from their own screen (spaces and dashes as they are read are ignored). */
export const ConsentCodeSchema = z.object({
  code: z
    .string({ error: 'market:assisted.codeFormat' })
    .transform((v) => v.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^[0-9]{6}$/, 'market:assisted.codeFormat')),
});

/**
 * How long a payout change waits before QR codes use it. At least an hour, so a seller always
 * has time to see the notice (and, once they exist, the SMS) and cancel; at most a week, so a
 * genuine change of bank is never held past the next market week.
 */
export const PAYOUT_COOLING_RANGE = { min: 1, max: 168 } as const;
export const CoolingSchema = z.object({
  hours: z.coerce
    .number({ error: 'market:payout.coolingRange' })
    .int('market:payout.coolingRange')
    .min(PAYOUT_COOLING_RANGE.min, 'market:payout.coolingRange')
    .max(PAYOUT_COOLING_RANGE.max, 'market:payout.coolingRange'),
});
