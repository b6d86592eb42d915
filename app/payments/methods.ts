import type { PaymentMethodId } from '#domain/payments.ts';
import { AppError } from '~/lib/errors.ts';
import { bankByBin, isBinFormat, normalizeVietnameseAccount } from '~/payments/banks.ts';
import { displayPromptPayId, normalizePromptPayId, promptPayPayload } from '~/payments/promptpay.ts';
import { vietQrPayload, vietQrPurpose } from '~/payments/vietqr.ts';

/**
 * How a buyer pays a seller, seen from an order: which methods a seller can take, and what to
 * show the buyer. Orders never touch VietQR or PromptPay themselves.
 */

export type Currency = 'VND' | 'THB';

// The ids are plain data in domain/ (the orders table's `payment_method` is typed by them).
export type { PaymentMethodId };

/** Where a seller receives money; null when the seller has not set up a bank account. */
export type SellerPayout =
  { kind: 'vietqr'; bin: string; account: string; accountName: string } | { kind: 'promptpay'; id: string; accountName: string } | null;

export type PaymentInstructions =
  | { method: 'cash' }
  | {
      method: 'bank_qr';
      scheme: 'vietqr' | 'promptpay';
      /** The EMVCo text to draw as a QR code. */
      payload: string;
      accountName: string;
      bankName?: string;
      /** In full: a buyer who cannot scan types the transfer by hand, and the QR holds it anyway. */
      account: string;
      /** The transfer note, as it stands in the QR, for the buyer to copy and the seller to match. */
      reference: string;
      amountMinor: number;
      currency: Currency;
    };

export type AvailabilityInput = { currency: Currency; payout: SellerPayout };

export type InstructionsInput = AvailabilityInput & {
  /** Whole đồng for VND (đồng has no minor unit), satang for THB. */
  amountMinor: number;
  reference: string;
};

export type PaymentMethod = {
  id: PaymentMethodId;
  available(input: AvailabilityInput): boolean;
  /** Throws `AppError('invalid')` when the method is not available for this input. */
  instructions(input: InstructionsInput): PaymentInstructions;
};

function unavailable(id: PaymentMethodId): AppError {
  return new AppError('invalid', 'payments:errors.methodUnavailable', { method: id });
}

const cash: PaymentMethod = {
  id: 'cash',
  // Cash on delivery needs nothing from the seller but a parcel.
  available: () => true,
  instructions: () => ({ method: 'cash' }),
};

function vietQrPayoutUsable(payout: SellerPayout): payout is Extract<SellerPayout, { kind: 'vietqr' }> {
  return payout?.kind === 'vietqr' && isBinFormat(payout.bin) && normalizeVietnameseAccount(payout.account) !== null;
}

function promptPayPayoutUsable(payout: SellerPayout): payout is Extract<SellerPayout, { kind: 'promptpay' }> {
  return payout?.kind === 'promptpay' && normalizePromptPayId(payout.id) !== null;
}

const bankQr: PaymentMethod = {
  id: 'bank_qr',
  // Each scheme moves only its own currency: VietQR đồng, PromptPay baht.
  available: ({ currency, payout }) => (currency === 'VND' && vietQrPayoutUsable(payout)) || (currency === 'THB' && promptPayPayoutUsable(payout)),
  instructions: ({ currency, payout, amountMinor, reference }) => {
    // An order always has a price: a code without one would let the buyer type any amount.
    if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0) {
      throw new AppError('invalid', 'payments:errors.amount', { field: 'amountMinor' });
    }
    const note = vietQrPurpose(reference);
    if (!note) throw new AppError('invalid', 'payments:errors.reference', { field: 'reference' });

    if (currency === 'VND' && vietQrPayoutUsable(payout)) {
      return {
        method: 'bank_qr',
        scheme: 'vietqr',
        payload: vietQrPayload({ bin: payout.bin, account: payout.account, amount: amountMinor, purpose: note }),
        accountName: payout.accountName,
        bankName: bankByBin(payout.bin)?.shortName,
        account: normalizeVietnameseAccount(payout.account)!,
        reference: note,
        amountMinor,
        currency,
      };
    }
    if (currency === 'THB' && promptPayPayoutUsable(payout)) {
      return {
        method: 'bank_qr',
        scheme: 'promptpay',
        payload: promptPayPayload({ id: payout.id, amount: amountMinor }),
        accountName: payout.accountName,
        account: displayPromptPayId(normalizePromptPayId(payout.id)!),
        // A PromptPay transfer code has no note field; the buyer types this in the app's memo.
        reference: note,
        amountMinor,
        currency,
      };
    }
    throw unavailable('bank_qr');
  },
};

export const PAYMENT_METHODS: Record<PaymentMethodId, PaymentMethod> = { cash, bank_qr: bankQr };

/** A method id from a form: one Baan knows (whether a seller takes it is the method's `available`). */
export function isPaymentMethod(value: unknown): value is PaymentMethodId {
  return typeof value === 'string' && Object.hasOwn(PAYMENT_METHODS, value);
}

export function methodsFor(input: AvailabilityInput): PaymentMethod[] {
  return Object.values(PAYMENT_METHODS).filter((method) => method.available(input));
}
