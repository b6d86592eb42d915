import { describe, expect, it } from 'vitest';
import { codeOf } from '#tests/support/errors.ts';
import { appendCrc, crc16CcittFalse, crcHex, encodeEmvco, encodeFields, encodeTlv, getField, parseEmvco, parseTlv } from '~/payments/emvco.ts';

// A bit-at-a-time CRC written separately from the table-driven one in the module, so the two
// check each other.
function referenceCrc(input: string | number[]): number {
  let crc = 0xffff;
  for (const byte of typeof input === 'string' ? Buffer.from(input, 'utf8') : input) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

describe('crc16CcittFalse', () => {
  it('gives the catalogued check value 29B1 for "123456789"', () => {
    expect(crc16CcittFalse('123456789')).toBe(0x29b1);
    expect(crcHex(crc16CcittFalse('123456789'))).toBe('29B1');
  });

  it('starts from 0xFFFF (the empty input gives the initial value)', () => {
    expect(crc16CcittFalse('')).toBe(0xffff);
  });

  it('agrees with a bitwise implementation over many inputs', () => {
    for (let n = 0; n < 300; n++) {
      const text = `000201010212${'x'.repeat(n % 37)}${n}6304`;
      expect(crc16CcittFalse(text)).toBe(referenceCrc(text));
    }
  });

  it('works over UTF-8 bytes, not UTF-16 code units', () => {
    // đ is U+0111, two bytes in UTF-8.
    expect(crc16CcittFalse('đ')).toBe(referenceCrc([0xc4, 0x91]));
    expect(crc16CcittFalse('đ')).not.toBe(referenceCrc([0x11]));
  });
});

describe('crcHex', () => {
  it('keeps leading zeros and writes upper case', () => {
    expect(crcHex(0x0cbd)).toBe('0CBD');
    expect(crcHex(0x00a)).toBe('000A');
    expect(crcHex(0)).toBe('0000');
    expect(crcHex(0xbeef)).toBe('BEEF');
  });
});

describe('encoding', () => {
  it('writes ID, a 2-digit length and the value', () => {
    expect(encodeTlv('00', '01')).toBe('000201');
    expect(encodeTlv('58', 'VN')).toBe('5802VN');
    expect(encodeTlv('62', 'x'.repeat(99))).toBe(`6299${'x'.repeat(99)}`);
  });

  it('nests templates, the outer length counting the inner IDs and lengths', () => {
    expect(
      encodeFields([
        {
          id: '38',
          value: [
            { id: '00', value: 'A000000727' },
            { id: '01', value: [{ id: '00', value: '970436' }] },
          ],
        },
      ]),
    ).toBe('38280010A00000072701100006970436');
  });

  it('rejects values longer than 99 characters, nested ones included', () => {
    expect(codeOf(() => encodeTlv('62', 'x'.repeat(100)))).toBe('payments:errors.qrFieldTooLong');
    expect(codeOf(() => encodeFields([{ id: '62', value: [{ id: '08', value: 'x'.repeat(96) }] }]))).toBe('payments:errors.qrFieldTooLong');
  });

  it('rejects empty values, non-ASCII text and malformed IDs', () => {
    expect(codeOf(() => encodeTlv('08', ''))).toBe('payments:errors.qrFieldText');
    expect(codeOf(() => encodeTlv('08', 'Đơn hàng'))).toBe('payments:errors.qrFieldText');
    expect(codeOf(() => encodeTlv('8', 'x'))).toBe('payments:errors.qrFieldId');
    expect(codeOf(() => encodeTlv('AB', 'x'))).toBe('payments:errors.qrFieldId');
  });

  it('adds the CRC itself and refuses a CRC object among the fields', () => {
    expect(
      codeOf(() =>
        encodeEmvco([
          { id: '00', value: '01' },
          { id: '63', value: 'ABCD' },
        ]),
      ),
    ).toBe('payments:errors.qrFieldId');
  });

  it('computes the CRC over the body and the literal 6304', () => {
    const payload = appendCrc('000201');
    expect(payload.slice(0, 10)).toBe('0002016304');
    expect(payload.slice(10)).toBe(crcHex(referenceCrc('0002016304')));
  });
});

describe('a published payload whose CRC starts with 0', () => {
  // dtinth/promptpay-qr, index.test.js ("Tax ID number", '0123456789012'): the field order is
  // that library's (58 before 53); the encoder writes whatever order it is given.
  const published = '00020101021129370016A000000677010111021301234567890125802TH530376463040CBD';

  it('is reproduced byte for byte, zero padding included', () => {
    const payload = encodeEmvco([
      { id: '00', value: '01' },
      { id: '01', value: '11' },
      {
        id: '29',
        value: [
          { id: '00', value: 'A000000677010111' },
          { id: '02', value: '0123456789012' },
        ],
      },
      { id: '58', value: 'TH' },
      { id: '53', value: '764' },
    ]);
    expect(payload).toBe(published);
    expect(payload.endsWith('63040CBD')).toBe(true);
  });

  it('passes the parser, which would reject the unpadded form', () => {
    expect(() => parseEmvco(published)).not.toThrow();
    expect(codeOf(() => parseEmvco(`${published.slice(0, -8)}6303CBD`))).toBe('payments:errors.qrMalformed');
  });
});

describe('parseEmvco', () => {
  // subiz/vietqr README.md: Generate(120000, "970415", "0011001932418", "ủng hộ lũ lụt").
  const vietQr = '00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C';

  it('lists the top-level data objects without the CRC', () => {
    const fields = parseEmvco(vietQr);
    expect(fields.map((field) => field.id)).toEqual(['00', '01', '38', '53', '54', '58', '62']);
    expect(getField(fields, '54')).toBe('120000');
    expect(getField(fields, '99')).toBeNull();
  });

  it('reads templates with parseTlv', () => {
    const account = parseTlv(getField(parseTlv(getField(parseEmvco(vietQr), '38')!), '01')!);
    expect(account).toEqual([
      { id: '00', value: '970415' },
      { id: '01', value: '0011001932418' },
    ]);
  });

  it('rejects a changed payload whose CRC no longer matches', () => {
    const tampered = vietQr.replace('54061200005802', '54061900005802');
    expect(codeOf(() => parseEmvco(tampered))).toBe('payments:errors.qrChecksum');
  });

  it('rejects a lower-case CRC, a missing CRC, a truncated field and a wrong first field', () => {
    expect(codeOf(() => parseEmvco(`${vietQr.slice(0, -4)}c15c`))).toBe('payments:errors.qrMalformed');
    expect(codeOf(() => parseEmvco(vietQr.slice(0, -8)))).toBe('payments:errors.qrMalformed');
    expect(codeOf(() => parseEmvco(vietQr.slice(0, -2)))).toBe('payments:errors.qrMalformed');
    expect(codeOf(() => parseEmvco(appendCrc('0102115802VN')))).toBe('payments:errors.qrMalformed');
    expect(codeOf(() => parseEmvco(''))).toBe('payments:errors.qrMalformed');
  });

  it('round-trips what the encoder writes', () => {
    const fields = [
      { id: '00', value: '01' },
      { id: '01', value: '12' },
      { id: '26', value: 'x'.repeat(99) },
      { id: '58', value: 'VN' },
    ];
    expect(parseEmvco(encodeEmvco(fields))).toEqual(fields);
  });
});
