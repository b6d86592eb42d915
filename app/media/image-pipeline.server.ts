import sharp from 'sharp';
import { AppError } from '~/lib/errors.ts';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_PIXELS = 40_000_000;
export const VARIANT_WIDTHS = [320, 640, 1280] as const;

export type SourceType = 'image/jpeg' | 'image/png' | 'image/webp';

/** Identifies an image by its first bytes, never by its name or declared type. */
export function sniffImageType(bytes: Uint8Array): SourceType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes.length >= 12 && String.fromCharCode(...bytes.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP')
    return 'image/webp';
  return null;
}

export type EncodedVariant = { width: number; height: number; body: Buffer };
export type ProcessedImage = { sourceType: SourceType; width: number; height: number; variants: EncodedVariant[] };

/**
 * Checks an upload by content and size, then re-encodes it to WebP at 320/640/1280 px wide
 * (never upscaled), turned upright per EXIF and with every piece of metadata dropped (GPS!).
 */
export async function processImage(bytes: Uint8Array): Promise<ProcessedImage> {
  if (bytes.byteLength === 0) throw new AppError('invalid', 'media:errors.empty');
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw new AppError('payload_too_large', 'media:errors.tooLarge');
  const sourceType = sniffImageType(bytes);
  if (!sourceType) throw new AppError('unsupported_media_type', 'media:errors.notAnImage');

  let width: number;
  let height: number;
  try {
    // Only the header is read here; decoding below is capped by limitInputPixels as well.
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    if (!meta.width || !meta.height) throw new Error('no dimensions');
    const rotated = (meta.orientation ?? 1) >= 5;
    width = rotated ? meta.height : meta.width;
    height = rotated ? meta.width : meta.height;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('unsupported_media_type', 'media:errors.unreadable');
  }
  if (width * height > MAX_PIXELS) throw new AppError('payload_too_large', 'media:errors.tooManyPixels');

  const variants: EncodedVariant[] = [];
  try {
    for (const target of VARIANT_WIDTHS) {
      // Never upscale: a small original yields fewer, smaller variants.
      const w = Math.min(target, width);
      if (variants.some((v) => v.width === w)) continue;
      const { data, info } = await sharp(bytes, { limitInputPixels: MAX_PIXELS })
        .rotate()
        .resize({ width: w, withoutEnlargement: true })
        .webp({ quality: 78, effort: 4 })
        .toBuffer({ resolveWithObject: true });
      variants.push({ width: info.width, height: info.height, body: data });
    }
  } catch {
    throw new AppError('unsupported_media_type', 'media:errors.unreadable');
  }
  return { sourceType, width, height, variants };
}
