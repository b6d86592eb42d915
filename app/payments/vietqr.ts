import { AppError } from '~/lib/errors.ts';
import { isBinFormat, normalizeVietnameseAccount } from '~/payments/banks.ts';
import { encodeEmvco, type EmvField } from '~/payments/emvco.ts';

/** NAPAS's identifier in the merchant-account template `38`. */
export const NAPAS_GUID = 'A000000727';
/** Service code for a transfer to an account (a card number would be `QRIBFTTC`). */
export const SERVICE_TO_ACCOUNT = 'QRIBFTTA';
export const PURPOSE_MAX_LENGTH = 25;
// Field 54 holds at most 13 characters.
const MAX_AMOUNT = 9_999_999_999_999;

export type VietQrInput = {
  /** The receiving bank's 6-digit NAPAS BIN. */
  bin: string;
  account: string;
  /** Whole đồng; absent or 0 gives a static code where the payer types the amount. */
  amount?: number;
  /** Transfer note; reduced by `vietQrPurpose`. */
  purpose?: string;
};

/**
 * The transfer note as the QR carries it: Vietnamese letters without their marks (đ → d),
 * only ASCII letters, digits and single spaces, at most 25 characters. Banking apps differ in
 * how they show anything else, and the seller matches payments by this text.
 */
export function vietQrPurpose(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9 ]/g, '')
    .replace(/ +/g, ' ')
    .trim()
    .slice(0, PURPOSE_MAX_LENGTH)
    .trimEnd();
}

/** Rejects anything but a whole, non-negative number of đồng that fits field 54. */
export function checkVndAmount(amount: number | undefined): number {
  if (amount === undefined) return 0;
  if (!Number.isSafeInteger(amount) || amount < 0 || amount > MAX_AMOUNT) {
    throw new AppError('invalid', 'payments:errors.amount', { field: 'amount' });
  }
  return amount;
}

/** A NAPAS 247 (VietQR) payload for a transfer to a bank account. */
export function vietQrPayload(input: VietQrInput): string {
  if (!isBinFormat(input.bin)) throw new AppError('invalid', 'payments:errors.bin', { field: 'bin' });
  const account = normalizeVietnameseAccount(input.account);
  if (!account) throw new AppError('invalid', 'payments:errors.account', { field: 'account' });
  const amount = checkVndAmount(input.amount);
  const purpose = vietQrPurpose(input.purpose ?? '');

  const fields: EmvField[] = [
    { id: '00', value: '01' },
    // EMVCo: 11 = static (payer enters the amount), 12 = dynamic (amount fixed in the code).
    { id: '01', value: amount > 0 ? '12' : '11' },
    {
      id: '38',
      value: [
        { id: '00', value: NAPAS_GUID },
        {
          id: '01',
          value: [
            { id: '00', value: input.bin },
            { id: '01', value: account },
          ],
        },
        { id: '02', value: SERVICE_TO_ACCOUNT },
      ],
    },
    { id: '53', value: '704' },
  ];
  if (amount > 0) fields.push({ id: '54', value: String(amount) });
  fields.push({ id: '58', value: 'VN' });
  if (purpose) fields.push({ id: '62', value: [{ id: '08', value: purpose }] });
  return encodeEmvco(fields);
}
