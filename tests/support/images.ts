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
