import { describe, expect, it } from 'vitest';
import { promptPayPayload } from '~/payments/promptpay.ts';
import { qrSvg } from '~/payments/qr-image.server.ts';
import { vietQrPayload } from '~/payments/vietqr.ts';

describe('qrSvg', () => {
  it('draws a payment payload as one SVG element marked as an image', async () => {
    const svg = await qrSvg(vietQrPayload({ bin: '970405', account: '3600205123456', amount: 150000, purpose: 'BAAN15' }));
    expect(svg.startsWith('<svg role="img" xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg.match(/<svg\b/g)).toHaveLength(1);
    expect(svg).toContain('<path');
  });

  it('sizes the symbol to the payload: square, a 2-module margin, bigger for more data', async () => {
    const side = (svg: string) => {
      const match = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
      expect(match?.[1]).toBe(match?.[2]);
      return Number(match?.[1]);
    };
    const short = side(await qrSvg(promptPayPayload({ id: '0812345678' })));
    const long = side(await qrSvg(vietQrPayload({ bin: '970422', account: '0023457923442ASDFLJ', amount: 9_999_999, purpose: 'x'.repeat(25) })));
    // A QR symbol is 21 + 4k modules wide; with 2 modules of margin each side that is 25 + 4k.
    for (const size of [short, long]) expect((size - 25) % 4).toBe(0);
    expect(long).toBeGreaterThan(short);
  });

  it('gives different drawings for different payloads and the same for the same', async () => {
    const a = await qrSvg(promptPayPayload({ id: '0812345678', amount: 5000 }));
    const b = await qrSvg(promptPayPayload({ id: '0812345678', amount: 5001 }));
    expect(a).not.toBe(b);
    expect(await qrSvg(promptPayPayload({ id: '0812345678', amount: 5000 }))).toBe(a);
  });
});
