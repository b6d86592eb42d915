import { describe, expect, it } from 'vitest';
import { codeOf } from '#tests/support/errors.ts';
import { getField, parseEmvco, parseTlv } from '~/payments/emvco.ts';
import { methodsFor, PAYMENT_METHODS, type SellerPayout } from '~/payments/methods.ts';

const vietQrSeller: SellerPayout = { kind: 'vietqr', bin: '970405', account: '3600 205 123456', accountName: 'NGUYEN THI HOA' };
const promptPaySeller: SellerPayout = { kind: 'promptpay', id: '081-234-5678', accountName: 'สมหญิง ใจดี' };

const ids = (input: Parameters<typeof methodsFor>[0]) => methodsFor(input).map((method) => method.id);

describe('methodsFor', () => {
  it('offers bank QR only when the payout scheme moves the order currency', () => {
    expect(ids({ currency: 'VND', payout: vietQrSeller })).toEqual(['cash', 'bank_qr']);
    expect(ids({ currency: 'THB', payout: promptPaySeller })).toEqual(['cash', 'bank_qr']);
    expect(ids({ currency: 'THB', payout: vietQrSeller })).toEqual(['cash']);
    expect(ids({ currency: 'VND', payout: promptPaySeller })).toEqual(['cash']);
  });

  it('offers cash alone to a seller without a payout account, or with one that cannot be used', () => {
    expect(ids({ currency: 'VND', payout: null })).toEqual(['cash']);
    expect(ids({ currency: 'THB', payout: null })).toEqual(['cash']);
    expect(ids({ currency: 'VND', payout: { ...vietQrSeller, bin: '9704' } })).toEqual(['cash']);
    expect(ids({ currency: 'VND', payout: { ...vietQrSeller, account: '12' } })).toEqual(['cash']);
    expect(ids({ currency: 'THB', payout: { ...promptPaySeller, id: '1111111111111' } })).toEqual(['cash']);
  });
});

describe('bank_qr instructions', () => {
  it('gives a VietQR code for a đồng order, the whole amount in đồng and the note in the code', () => {
    const instructions = PAYMENT_METHODS.bank_qr.instructions({
      currency: 'VND',
      payout: vietQrSeller,
      amountMinor: 185000,
      reference: 'Đơn BAAN-0042',
    });
    expect(instructions).toMatchObject({
      method: 'bank_qr',
      scheme: 'vietqr',
      accountName: 'NGUYEN THI HOA',
      bankName: 'Agribank',
      account: '3600205123456',
      reference: 'Don BAAN0042',
      amountMinor: 185000,
      currency: 'VND',
    });
    if (instructions.method !== 'bank_qr') throw new Error('expected bank_qr');
    const fields = parseEmvco(instructions.payload);
    expect(getField(fields, '01')).toBe('12');
    expect(getField(fields, '54')).toBe('185000');
    expect(getField(fields, '53')).toBe('704');
    expect(getField(parseTlv(getField(fields, '62')!), '08')).toBe('Don BAAN0042');
  });

  it('leaves the bank name out for a BIN outside the list, and still gives the code', () => {
    const instructions = PAYMENT_METHODS.bank_qr.instructions({
      currency: 'VND',
      payout: { ...vietQrSeller, bin: '970499' },
      amountMinor: 1000,
      reference: 'BAAN1',
    });
    expect(instructions).toMatchObject({ method: 'bank_qr', scheme: 'vietqr' });
    expect(instructions.method === 'bank_qr' && instructions.bankName).toBeUndefined();
  });

  it('gives a PromptPay code for a baht order, the amount in satang', () => {
    const instructions = PAYMENT_METHODS.bank_qr.instructions({
      currency: 'THB',
      payout: promptPaySeller,
      amountMinor: 12345,
      reference: 'BAAN-0042',
    });
    expect(instructions).toMatchObject({
      method: 'bank_qr',
      scheme: 'promptpay',
      accountName: 'สมหญิง ใจดี',
      account: '0812345678',
      reference: 'BAAN0042',
      amountMinor: 12345,
      currency: 'THB',
    });
    if (instructions.method !== 'bank_qr') throw new Error('expected bank_qr');
    const fields = parseEmvco(instructions.payload);
    expect(getField(fields, '54')).toBe('123.45');
    expect(getField(fields, '53')).toBe('764');
    expect(getField(parseTlv(getField(fields, '29')!), '01')).toBe('0066812345678');
  });

  it('refuses a currency the payout cannot take, and a seller without payout', () => {
    const input = { amountMinor: 1000, reference: 'BAAN1' };
    expect(codeOf(() => PAYMENT_METHODS.bank_qr.instructions({ ...input, currency: 'THB', payout: vietQrSeller }))).toBe('payments:errors.methodUnavailable');
    expect(codeOf(() => PAYMENT_METHODS.bank_qr.instructions({ ...input, currency: 'VND', payout: null }))).toBe('payments:errors.methodUnavailable');
  });

  it('refuses a zero, negative or fractional amount and an empty reference', () => {
    for (const amountMinor of [0, -5000, 1000.5, Number.NaN]) {
      expect(codeOf(() => PAYMENT_METHODS.bank_qr.instructions({ currency: 'VND', payout: vietQrSeller, amountMinor, reference: 'BAAN1' }))).toBe(
        'payments:errors.amount',
      );
    }
    expect(codeOf(() => PAYMENT_METHODS.bank_qr.instructions({ currency: 'VND', payout: vietQrSeller, amountMinor: 1000, reference: '—' }))).toBe(
      'payments:errors.reference',
    );
  });
});

describe('cash instructions', () => {
  it('need nothing from the seller', () => {
    expect(PAYMENT_METHODS.cash.instructions({ currency: 'VND', payout: null, amountMinor: 50000, reference: 'BAAN1' })).toEqual({
      method: 'cash',
    });
  });
});
