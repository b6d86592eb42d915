import { describe, expect, it } from 'vitest';
import { codeOf } from '#tests/support/errors.ts';
import { getField, parseEmvco, parseTlv } from '~/payments/emvco.ts';
import { vietQrPayload, vietQrPurpose } from '~/payments/vietqr.ts';

describe('vietQrPayload reproduces published VietQR payloads byte for byte', () => {
  it('dynamic, with a Vietnamese note (subiz/vietqr README.md)', () => {
    // README: vietqr.Generate(120000, "970415", "0011001932418", "ủng hộ lũ lụt").
    expect(vietQrPayload({ bin: '970415', account: '0011001932418', amount: 120000, purpose: 'ủng hộ lũ lụt' })).toBe(
      '00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C',
    );
  });

  // The following four are the expected strings in subiz/vietqr vietqr_test.go (TestQR).
  it('static, without amount or note', () => {
    expect(vietQrPayload({ bin: '970423', account: '0099999999' })).toBe(
      '00020101021138540010A00000072701240006970423011000999999990208QRIBFTTA53037045802VN6304CBB4',
    );
  });

  it('dynamic, with an ASCII note', () => {
    expect(vietQrPayload({ bin: '970422', account: '0023457923442', amount: 40123, purpose: 'test text string' })).toBe(
      '00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62200816test text string6304D9C6',
    );
  });

  it('dynamic, with diacritics in the note', () => {
    expect(vietQrPayload({ bin: '970422', account: '0023457923442', amount: 40123, purpose: 'chuyển khoản' })).toBe(
      '00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62160812chuyen khoan6304722F',
    );
  });

  it('a 19-character alias account and a note cut to 25 characters', () => {
    expect(
      vietQrPayload({
        bin: '970422',
        account: '0023457923442ASDFLJ',
        amount: 40123,
        purpose: 'chuyen khoan alsdkf laksjdflk asjdflja slkdalks djflkasjd fajsldk jalskdfj lkasjdflk ajslkfj l',
      }),
    ).toBe('00020101021238630010A0000007270133000697042201190023457923442ASDFLJ0208QRIBFTTA53037045405401235802VN62290825chuyen khoan alsdkf laksj6304E5DB');
  });
});

describe('vietQrPayload structure', () => {
  it('marks a code with an amount as dynamic 12 (EMVCo), never 22', () => {
    const fields = parseEmvco(vietQrPayload({ bin: '970405', account: '3600205123456', amount: 85000, purpose: 'BAAN1' }));
    expect(getField(fields, '01')).toBe('12');
    expect(getField(fields, '54')).toBe('85000');
  });

  it('marks a code without an amount (or with 0) as static 11 and leaves out field 54', () => {
    for (const amount of [undefined, 0]) {
      const fields = parseEmvco(vietQrPayload({ bin: '970405', account: '3600205123456', amount, purpose: 'BAAN1' }));
      expect(getField(fields, '01')).toBe('11');
      expect(getField(fields, '54')).toBeNull();
    }
  });

  it('nests NAPAS GUID, BIN, account and service in field 38, and currency 704 / country VN', () => {
    const fields = parseEmvco(vietQrPayload({ bin: '970405', account: '3600 205 123456', amount: 1 }));
    const merchant = parseTlv(getField(fields, '38')!);
    expect(merchant.map((field) => field.id)).toEqual(['00', '01', '02']);
    expect(getField(merchant, '00')).toBe('A000000727');
    expect(parseTlv(getField(merchant, '01')!)).toEqual([
      { id: '00', value: '970405' },
      { id: '01', value: '3600205123456' },
    ]);
    expect(getField(merchant, '02')).toBe('QRIBFTTA');
    expect(getField(fields, '53')).toBe('704');
    expect(getField(fields, '58')).toBe('VN');
    expect(getField(fields, '62')).toBeNull();
  });

  it('strips every Vietnamese mark from the note, đ and Đ included', () => {
    const payload = vietQrPayload({
      bin: '970405',
      account: '3600205123456',
      amount: 250000,
      purpose: 'Đặt mật ong rừng Đắk Lắk',
    });
    const additional = parseTlv(getField(parseEmvco(payload), '62')!);
    expect(getField(additional, '08')).toBe('Dat mat ong rung Dak Lak');
    expect(payload).toMatch(/^[\x20-\x7E]+$/);
  });

  it('keeps a CRC that starts with 0 as four digits, checked by the parser', () => {
    // Inputs chosen (by trying order numbers) so that the checksum begins with a zero.
    const payload = vietQrPayload({ bin: '970405', account: '3600205123456', amount: 150000, purpose: 'Don hang BAAN15' });
    expect(payload).toBe('00020101021238570010A00000072701270006970405011336002051234560208QRIBFTTA530370454061500005802VN62190815Don hang BAAN1563040690');
    expect(payload.slice(-8)).toBe('63040690');
    expect(() => parseEmvco(payload)).not.toThrow();
  });
});

describe('vietQrPurpose', () => {
  it('keeps only ASCII letters, digits and single spaces, at most 25 characters', () => {
    expect(vietQrPurpose('  Đơn #BAAN-0042, cảm ơn!  ')).toBe('Don BAAN0042 cam on');
    expect(vietQrPurpose('Bánh   tráng   phơi   sương')).toBe('Banh trang phoi suong');
    expect(vietQrPurpose('Nguyễn Thị Hương Giang mua mắm')).toBe('Nguyen Thi Huong Giang mu');
    expect(vietQrPurpose('ưƯơƠăĂâÂêÊôÔ')).toBe('uUoOaAaAeEoO');
    expect(vietQrPurpose('🌾💰')).toBe('');
  });

  it('does not end on a space after cutting', () => {
    // The 25th character is a space.
    expect(vietQrPurpose('abcdefghij abcdefghijabc defg')).toBe('abcdefghij abcdefghijabc');
  });
});

describe('vietQrPayload refuses bad input', () => {
  const good = { bin: '970436', account: '1023456789', amount: 10000, purpose: 'BAAN1' };

  it('a BIN that is not six digits', () => {
    for (const bin of ['97043', '9704361', 'VCB', '97043A', '']) {
      expect(codeOf(() => vietQrPayload({ ...good, bin }))).toBe('payments:errors.bin');
    }
  });

  it('an account that is too short, too long or has other characters', () => {
    for (const account of ['123', '12345678901234567890', '1023_456', 'tài khoản', '']) {
      expect(codeOf(() => vietQrPayload({ ...good, account }))).toBe('payments:errors.account');
    }
  });

  it('a negative, fractional, non-finite or over-long amount', () => {
    for (const amount of [-1, 10.5, Number.NaN, Number.POSITIVE_INFINITY, 10_000_000_000_000]) {
      expect(codeOf(() => vietQrPayload({ ...good, amount }))).toBe('payments:errors.amount');
    }
  });
});
