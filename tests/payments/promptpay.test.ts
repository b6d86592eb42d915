import { describe, expect, it } from 'vitest';
import { codeOf } from '#tests/support/errors.ts';
import { encodeEmvco, getField, parseEmvco, parseTlv, type EmvField } from '~/payments/emvco.ts';
import { displayPromptPayId, formatSatang, isThaiIdChecksumValid, normalizePromptPayId, promptPayPayload } from '~/payments/promptpay.ts';

/** The data objects of a payload, template 29 opened, in ID order: equal for equal content. */
function content(payload: string): unknown {
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  return parseEmvco(payload)
    .map((field) => ({ id: field.id, value: field.id === '29' ? parseTlv(field.value).sort(byId) : field.value }))
    .sort(byId);
}

function merchant(proxyField: '01' | '02' | '03', value: string): EmvField {
  return {
    id: '29',
    value: [
      { id: '00', value: 'A000000677010111' },
      { id: proxyField, value },
    ],
  };
}

describe('promptPayPayload reproduces published PromptPay payloads', () => {
  // maythiwat/promptparse, src/index.test.ts, "Generate Any ID" (MSISDN 0812223333).
  it('static mobile, byte for byte', () => {
    expect(promptPayPayload({ id: '0812223333' })).toBe('00020101021129370016A0000006770101110113006681222333353037645802TH63041DCF');
  });

  // maythiwat/promptparse, src/index.test.ts, "Generate TrueMoney QR" (e-wallet 140000801111111).
  it('static e-wallet, byte for byte', () => {
    expect(promptPayPayload({ id: '140000801111111' })).toBe('00020101021129390016A000000677010111031514000080111111153037645802TH63047C0F');
  });

  // Published dynamic codes order the root fields differently from Baan (which writes them in
  // ID order: 53, 54, 58). EMVCo fixes only 00 first and 63 last, so: the encoder reproduces
  // each one byte for byte from its fields in the published order, and promptPayPayload carries
  // the same data objects with a valid CRC.
  const dynamic = [
    {
      // maythiwat/promptparse, src/index.test.ts, "Generate Any ID with amount": 58 then 54.
      label: 'maythiwat/promptparse, mobile, 30.00',
      published: '00020101021229370016A0000006770101110113006681222333353037645802TH540530.0063043CAD',
      id: '0812223333',
      satang: 3000,
      order: ['29', '53', '58', '54'],
    },
    {
      // dtinth/promptpay-qr, index.test.js, "Amount" ('000-000-0000', 4.22): 58 then 53, 54.
      // Its number is no real mobile, so only the encoder is checked against it.
      label: 'dtinth/promptpay-qr, placeholder mobile, 4.22',
      published: '00020101021229370016A000000677010111011300660000000005802TH530376454044.226304E469',
      id: null,
      satang: 422,
      order: ['29', '58', '53', '54'],
    },
  ];

  for (const example of dynamic) {
    it(`dynamic: ${example.label}`, () => {
      const tlv = parseEmvco(example.published);
      const byId: Record<string, EmvField> = {
        '29': { id: '29', value: parseTlv(getField(tlv, '29')!) },
        '53': { id: '53', value: '764' },
        '54': { id: '54', value: formatSatang(example.satang) },
        '58': { id: '58', value: 'TH' },
      };
      const fields: EmvField[] = [{ id: '00', value: '01' }, { id: '01', value: '12' }, ...example.order.map((id) => byId[id]!)];
      expect(encodeEmvco(fields)).toBe(example.published);
      if (example.id) {
        const ours = promptPayPayload({ id: example.id, amount: example.satang });
        expect(content(ours)).toEqual(content(example.published));
      }
    });
  }

  // dtinth/promptpay-qr, index.test.js, "Local phone number" and "Dashed phone number".
  it('static mobile numbers in the dashed and +66 forms', () => {
    for (const [input, published] of [
      ['080-123-4567', '00020101021129370016A000000677010111011300668012345675802TH530376463046197'],
      ['+66-89-123-4567', '00020101021129370016A000000677010111011300668912345675802TH5303764630429C1'],
    ] as const) {
      const proxy = normalizePromptPayId(input)!;
      const fields: EmvField[] = [
        { id: '00', value: '01' },
        { id: '01', value: '11' },
        merchant('01', proxy.value),
        { id: '58', value: 'TH' },
        { id: '53', value: '764' },
      ];
      expect(encodeEmvco(fields)).toBe(published);
      expect(content(promptPayPayload({ id: input }))).toEqual(content(published));
    }
  });

  // uunw/thai-qr-payment docs (guide/payload, .bankAccount('014', '1234567890').amount(100)): a
  // published dynamic code in the same ID order Baan writes.
  it('the root order Baan writes matches a published dynamic code', () => {
    expect(
      encodeEmvco([
        { id: '00', value: '01' },
        { id: '01', value: '12' },
        {
          id: '29',
          value: [
            { id: '00', value: 'A000000677010111' },
            { id: '04', value: '0141234567890' },
          ],
        },
        { id: '53', value: '764' },
        { id: '54', value: '100.00' },
        { id: '58', value: 'TH' },
      ]),
    ).toBe('00020101021229370016A0000006770101110413014123456789053037645406100.005802TH6304901D');
  });
});

describe('promptPayPayload structure', () => {
  it('marks a code with an amount as dynamic 12, never 22, with exactly two decimals', () => {
    const fields = parseEmvco(promptPayPayload({ id: '0812345678', amount: 12345 }));
    expect(getField(fields, '01')).toBe('12');
    expect(getField(fields, '54')).toBe('123.45');
    expect(fields.map((field) => field.id)).toEqual(['00', '01', '29', '53', '54', '58']);
  });

  it('marks a code without an amount (or with 0) as static 11 and leaves out field 54', () => {
    for (const amount of [undefined, 0]) {
      const fields = parseEmvco(promptPayPayload({ id: '0812345678', amount }));
      expect(getField(fields, '01')).toBe('11');
      expect(getField(fields, '54')).toBeNull();
      expect(getField(fields, '53')).toBe('764');
      expect(getField(fields, '58')).toBe('TH');
    }
  });

  it('puts each kind of proxy in its own sub-field of template 29', () => {
    const cases = [
      { id: '+66812345678', field: '01', value: '0066812345678' },
      { id: '1-1017-00203-45-0', field: '02', value: '1101700203450' },
      { id: '0105536000011', field: '02', value: '0105536000011' },
      { id: '004999012345678', field: '03', value: '004999012345678' },
    ];
    for (const { id, field, value } of cases) {
      const template = parseTlv(getField(parseEmvco(promptPayPayload({ id, amount: 5000 })), '29')!);
      expect(template).toEqual([
        { id: '00', value: 'A000000677010111' },
        { id: field, value },
      ]);
    }
  });

  it('keeps a CRC that starts with 0 as four digits, checked by the parser', () => {
    // Inputs chosen (by trying amounts) so that the checksum begins with a zero.
    const payload = promptPayPayload({ id: '0812345678', amount: 100 });
    expect(payload).toBe('00020101021229370016A00000067701011101130066812345678530376454041.005802TH630403CF');
    expect(() => parseEmvco(payload)).not.toThrow();
  });

  it('refuses a bad proxy, a national ID with a wrong check digit, and bad amounts', () => {
    for (const id of ['', '12345', '0212345678', '1234567890123', '1111111111111', '12345678901234', 'abc']) {
      expect(codeOf(() => promptPayPayload({ id }))).toBe('payments:errors.promptPayId');
    }
    for (const amount of [-100, 1.5, Number.NaN, 1_000_000_000_000]) {
      expect(codeOf(() => promptPayPayload({ id: '0812345678', amount }))).toBe('payments:errors.amount');
    }
  });
});

describe('normalizePromptPayId', () => {
  it('reads a Thai mobile number in its usual forms', () => {
    for (const input of ['0812345678', '081-234-5678', '081 234 5678', '+66812345678', '+66 81 234 5678', '66812345678', '0066812345678']) {
      expect(normalizePromptPayId(input)).toEqual({ kind: 'mobile', value: '0066812345678' });
    }
    expect(normalizePromptPayId('0612345678')).toEqual({ kind: 'mobile', value: '0066612345678' });
    expect(normalizePromptPayId('0912345678')).toEqual({ kind: 'mobile', value: '0066912345678' });
  });

  it('refuses landlines and numbers of the wrong length', () => {
    for (const input of ['021234567', '0212345678', '081234567', '08123456789', '+6681234567']) {
      expect(normalizePromptPayId(input)).toBeNull();
    }
  });

  it('reads a citizen or tax ID only with a valid check digit', () => {
    expect(normalizePromptPayId('1-1017-00203-45-0')).toEqual({ kind: 'national_id', value: '1101700203450' });
    expect(normalizePromptPayId('3100400123456')).toEqual({ kind: 'national_id', value: '3100400123456' });
    expect(normalizePromptPayId('1101700203451')).toBeNull();
    // The examples in dtinth/promptpay-qr's tests are placeholders without a valid check digit.
    expect(normalizePromptPayId('1111111111111')).toBeNull();
    expect(normalizePromptPayId('0123456789012')).toBeNull();
  });

  it('reads a 15-digit e-wallet ID', () => {
    expect(normalizePromptPayId('140000801111111')).toEqual({ kind: 'ewallet', value: '140000801111111' });
  });

  it('is idempotent, so a stored value reads back as itself', () => {
    for (const input of ['0812345678', '1101700203450', '140000801111111']) {
      const once = normalizePromptPayId(input)!;
      expect(normalizePromptPayId(once.value)).toEqual(once);
    }
  });

  it('is shown to a reader in the local form', () => {
    expect(displayPromptPayId(normalizePromptPayId('+66812345678')!)).toBe('0812345678');
    expect(displayPromptPayId(normalizePromptPayId('1101700203450')!)).toBe('1101700203450');
  });
});

describe('isThaiIdChecksumValid', () => {
  it('checks the mod-11 digit', () => {
    expect(isThaiIdChecksumValid('1234567890121')).toBe(true);
    for (let last = 0; last <= 9; last++) {
      if (last !== 1) expect(isThaiIdChecksumValid(`123456789012${last}`)).toBe(false);
    }
    expect(isThaiIdChecksumValid('123456789012')).toBe(false);
  });
});

describe('formatSatang', () => {
  it('writes baht with two decimals without floating point', () => {
    expect(formatSatang(12345)).toBe('123.45');
    expect(formatSatang(100)).toBe('1.00');
    expect(formatSatang(5)).toBe('0.05');
    expect(formatSatang(3000)).toBe('30.00');
    expect(formatSatang(999_999_999_999)).toBe('9999999999.99');
  });
});
