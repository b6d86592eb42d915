import QRCode from 'qrcode';

/**
 * The payment QR as inline SVG. Level M keeps the symbol small enough for cheap phone cameras
 * while surviving a crease in a printed order slip; a 2-module margin is enough on a white page.
 * The symbol gets `role="img"`; the caller adds an `aria-label` in the reader's language.
 */
export async function qrSvg(payload: string): Promise<string> {
  const svg = await QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return svg.trim().replace(/^<svg\b/, '<svg role="img"');
}
