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

/**
 * The same QR as a PNG to save and scan from the phone's pictures: 720 px with the standard
 * 4-module quiet zone, as banking apps read a saved picture less forgivingly than a camera.
 */
export async function qrPng(payload: string): Promise<Uint8Array<ArrayBuffer>> {
  const png = await QRCode.toBuffer(payload, { type: 'png', errorCorrectionLevel: 'M', margin: 4, width: 720 });
  return new Uint8Array(png);
}
