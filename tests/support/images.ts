import sharp from 'sharp';

/** A real PNG photo-like image (gradient) of the given size. */
export async function samplePng(width: number, height: number): Promise<Uint8Array> {
  const channels = 3;
  const raw = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels;
      raw[i] = (x * 255) / width;
      raw[i + 1] = (y * 255) / height;
      raw[i + 2] = 120;
    }
  }
  return new Uint8Array(await sharp(raw, { raw: { width, height, channels } }).png().toBuffer());
}

/** A JPEG carrying EXIF with GPS coordinates and a camera model, like a phone photo. */
export async function jpegWithGps(width = 1600, height = 1200): Promise<Uint8Array> {
  const png = await samplePng(width, height);
  return new Uint8Array(
    await sharp(png)
      .jpeg({ quality: 85 })
      .withExif({
        IFD0: { Make: 'PhoneMaker', Model: 'Cheap Phone 3', Copyright: 'Seller' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '22/1 18/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '103/1 53/1 0/1' },
      })
      .toBuffer(),
  );
}

/**
 * A 12-megapixel camera-like photo: a gradient with sensor noise, ~3.3 MB as JPEG (quality 90),
 * the kind of file a phone's camera hands to a photo field. Seeded, so every run sends the same bytes.
 */
export async function cameraPhoto(seed = 7): Promise<Buffer> {
  const [width, height] = [4000, 3000];
  const raw = Buffer.alloc(width * height * 3);
  let state = seed;
  const noise = () => ((state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff - 0.5) * 24;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const n = noise();
      raw[i] = 90 + (x / width) * 100 + n;
      raw[i + 1] = 110 + (y / height) * 80 + n;
      raw[i + 2] = 60 + n;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}
