import { AppError } from '~/lib/errors.ts';
import { encodeEmvco, type EmvField } from '~/payments/emvco.ts';

/** PromptPay's application identifier for a credit transfer, template `29` sub-field `00`. */
export const PROMPTPAY_AID = 'A000000677010111';
// Field 54 holds at most 13 characters: "9999999999.99".
const MAX_SATANG = 999_999_999_999;

export type PromptPayId = { kind: 'mobile' | 'national_id' | 'ewallet'; value: string };

const SUBFIELD: Record<PromptPayId['kind'], string> = { mobile: '01', national_id: '02', ewallet: '03' };

/**
 * The 13-digit Thai citizen ID and the juristic-person tax ID share one check digit: the first
 * twelve digits weighted 13 down to 2, then (11 − sum mod 11) mod 10.
 */
export function isThaiIdChecksumValid(id: string): boolean {
  if (!/^\d{13}$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(id[i]) * (13 - i);
  return (11 - (sum % 11)) % 10 === Number(id[12]);
}

/**
 * A PromptPay proxy as the QR carries it, or null. Accepted:
 * - a Thai mobile number (06, 08 or 09 then 8 digits) as `0812345678`, `+66812345678`,
 *   `66812345678` or the QR's own form `0066812345678` → `0066812345678`;
 * - a 13-digit citizen or tax ID with a valid check digit;
 * - a 15-digit e-wallet ID.
 * Spaces, dashes, dots and parentheses are ignored.
 */
export function normalizePromptPayId(input: string): PromptPayId | null {
  const compact = input.trim().replace(/[\s().-]/g, '');
  const mobile = /^(?:0|\+66|66|0066)([689]\d{8})$/.exec(compact);
  if (mobile) return { kind: 'mobile', value: `0066${mobile[1]}` };
  if (/^\d{13}$/.test(compact)) return isThaiIdChecksumValid(compact) ? { kind: 'national_id', value: compact } : null;
  if (/^\d{15}$/.test(compact)) return { kind: 'ewallet', value: compact };
  return null;
}

/** Satang as baht with exactly two decimals, by integer arithmetic: 12345 → "123.45". */
export function formatSatang(satang: number): string {
  return `${Math.trunc(satang / 100)}.${String(satang % 100).padStart(2, '0')}`;
}

/** Rejects anything but a whole, non-negative number of satang that fits field 54. */
export function checkSatangAmount(amount: number | undefined): number {
  if (amount === undefined) return 0;
  if (!Number.isSafeInteger(amount) || amount < 0 || amount > MAX_SATANG) {
    throw new AppError('invalid', 'payments:errors.amount', { field: 'amount' });
  }
  return amount;
}

export type PromptPayInput = {
  /** A mobile number, citizen/tax ID or e-wallet ID, in any form `normalizePromptPayId` reads. */
  id: string;
  /** Satang; absent or 0 gives a static code where the payer types the amount. */
  amount?: number;
};

/** A Thai QR (PromptPay credit transfer) payload. */
export function promptPayPayload(input: PromptPayInput): string {
  const proxy = normalizePromptPayId(input.id);
  if (!proxy) throw new AppError('invalid', 'payments:errors.promptPayId', { field: 'id' });
  const amount = checkSatangAmount(input.amount);

  const fields: EmvField[] = [
    { id: '00', value: '01' },
    // EMVCo: 11 = static (payer enters the amount), 12 = dynamic (amount fixed in the code).
    { id: '01', value: amount > 0 ? '12' : '11' },
    {
      id: '29',
      value: [
        { id: '00', value: PROMPTPAY_AID },
        { id: SUBFIELD[proxy.kind], value: proxy.value },
      ],
    },
    { id: '53', value: '764' },
  ];
  if (amount > 0) fields.push({ id: '54', value: formatSatang(amount) });
  fields.push({ id: '58', value: 'TH' });
  return encodeEmvco(fields);
}

/** The proxy as a Thai reader writes it down: a mobile as `0812345678`, IDs as their digits. */
export function displayPromptPayId(proxy: PromptPayId): string {
  return proxy.kind === 'mobile' ? `0${proxy.value.slice(4)}` : proxy.value;
}
