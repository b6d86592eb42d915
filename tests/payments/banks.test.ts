import { describe, expect, it } from 'vitest';
import { bankByBin, isBinFormat, isValidVietnameseAccount, normalizeVietnameseAccount, VIETNAMESE_BANKS } from '~/payments/banks.ts';

describe('VIETNAMESE_BANKS', () => {
  it('has the main banks, each BIN six digits and listed once', () => {
    expect(VIETNAMESE_BANKS.length).toBeGreaterThanOrEqual(30);
    for (const bank of VIETNAMESE_BANKS) {
      expect(bank.bin).toMatch(/^9704\d{2}$/);
      expect(bank.code).toMatch(/^[A-Z]+$/);
      expect(bank.shortName.length).toBeGreaterThan(1);
      expect(bank.name.startsWith('Ngân hàng')).toBe(true);
    }
    expect(new Set(VIETNAMESE_BANKS.map((bank) => bank.bin)).size).toBe(VIETNAMESE_BANKS.length);
    expect(new Set(VIETNAMESE_BANKS.map((bank) => bank.code)).size).toBe(VIETNAMESE_BANKS.length);
  });

  it('routes the big banks by the BINs NAPAS publishes', () => {
    const expected: Record<string, string> = {
      '970436': 'VCB',
      '970415': 'ICB',
      '970418': 'BIDV',
      '970405': 'VBA',
      '970407': 'TCB',
      '970422': 'MB',
      '970416': 'ACB',
      '970432': 'VPB',
      '970403': 'STB',
      '970423': 'TPB',
    };
    for (const [bin, code] of Object.entries(expected)) expect(bankByBin(bin)?.code).toBe(code);
  });
});

describe('bankByBin', () => {
  it('finds a bank and returns null for an unknown BIN', () => {
    expect(bankByBin('970405')).toEqual({
      bin: '970405',
      code: 'VBA',
      shortName: 'Agribank',
      name: 'Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam',
    });
    expect(bankByBin('123456')).toBeNull();
    expect(bankByBin('')).toBeNull();
  });
});

describe('isBinFormat', () => {
  it('wants exactly six digits', () => {
    expect(isBinFormat('970436')).toBe(true);
    for (const bin of ['97043', '9704361', ' 970436', 'ABCDEF', '']) expect(isBinFormat(bin)).toBe(false);
  });
});

describe('Vietnamese account numbers', () => {
  it('accepts 4 to 19 letters or digits, upper-cased, typing separators removed', () => {
    expect(normalizeVietnameseAccount('0011001932418')).toBe('0011001932418');
    expect(normalizeVietnameseAccount('0011 0019 32418')).toBe('0011001932418');
    expect(normalizeVietnameseAccount('102-345-6789')).toBe('1023456789');
    expect(normalizeVietnameseAccount('vqrqadaij5512')).toBe('VQRQADAIJ5512');
    expect(normalizeVietnameseAccount('1234')).toBe('1234');
    expect(normalizeVietnameseAccount('1234567890123456789')).toBe('1234567890123456789');
    expect(isValidVietnameseAccount('0023457923442ASDFLJ')).toBe(true);
  });

  it('refuses too short, too long, and anything but ASCII letters and digits', () => {
    for (const account of ['123', '12345678901234567890', '1023_4567', 'TÀIKHOẢN1', '1023/4567', '']) {
      expect(normalizeVietnameseAccount(account)).toBeNull();
      expect(isValidVietnameseAccount(account)).toBe(false);
    }
  });
});
