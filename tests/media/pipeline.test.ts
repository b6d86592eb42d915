import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES, processImage, sniffImageType } from '~/media/image-pipeline.server.ts';
import { saveImage } from '~/media/media.server.ts';
import { localStorage } from '~/media/storage.server.ts';
import { makeCommune } from '#tests/factories/index.ts';
import { createTestDatabase, scopeFor, type TestDatabase } from '#tests/support/db.ts';
import { jpegWithGps, samplePng } from '#tests/support/images.ts';

let database: TestDatabase;
let root: string;
beforeAll(async () => {
  database = await createTestDatabase();
  root = await mkdtemp(path.join(os.tmpdir(), 'baan-media-test-'));
});
afterAll(async () => {
  await database.close();
});

async function filesUnder(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  } catch {
    return [];
  }
}

describe('image pipeline', () => {
  it('recognises images by their bytes, not their name', async () => {
    expect(sniffImageType(await samplePng(4, 4))).toBe('image/png');
    expect(sniffImageType(await jpegWithGps(8, 8))).toBe('image/jpeg');
    expect(
      sniffImageType(
        new Uint8Array(
          await sharp(await samplePng(4, 4))
            .webp()
            .toBuffer(),
        ),
      ),
    ).toBe('image/webp');
    expect(sniffImageType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode('GIF89a....'))).toBeNull();
  });

  it('re-encodes to WebP at 320/640/1280 px and strips EXIF and GPS', async () => {
    const input = await jpegWithGps(1600, 1200);
    expect((await sharp(input).metadata()).exif).toBeDefined();
    const image = await processImage(input);
    expect(image.sourceType).toBe('image/jpeg');
    expect(image.variants.map((v) => [v.width, v.height])).toEqual([
      [320, 240],
      [640, 480],
      [1280, 960],
    ]);
    for (const variant of image.variants) {
      const meta = await sharp(variant.body).metadata();
      expect(meta.format).toBe('webp');
      expect(meta.exif).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(variant.body.includes(Buffer.from('Cheap Phone'))).toBe(false);
    }
  });

  it('never upscales a small photo', async () => {
    const image = await processImage(await samplePng(500, 300));
    expect(image.variants.map((v) => v.width)).toEqual([320, 500]);
  });

  it('refuses non-images, empty files, files over 10 MB and over 40 megapixels', async () => {
    await expect(processImage(new TextEncoder().encode('%PDF-1.7 not a photo'))).rejects.toMatchObject({
      code: 'unsupported_media_type',
      messageKey: 'media:errors.notAnImage',
    });
    await expect(processImage(new Uint8Array())).rejects.toMatchObject({ messageKey: 'media:errors.empty' });
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    big.set([0xff, 0xd8, 0xff]);
    await expect(processImage(big)).rejects.toMatchObject({ code: 'payload_too_large', messageKey: 'media:errors.tooLarge' });
    // 8000 × 6000 = 48 MP of one colour compresses to a small PNG: a decompression bomb.
    const bomb = new Uint8Array(
      await sharp({ create: { width: 8000, height: 6000, channels: 3, background: '#2a6' } })
        .png({ compressionLevel: 9 })
        .toBuffer(),
    );
    expect(bomb.byteLength).toBeLessThan(MAX_UPLOAD_BYTES);
    await expect(processImage(bomb)).rejects.toMatchObject({ code: 'payload_too_large', messageKey: 'media:errors.tooManyPixels' });
    const truncated = (await jpegWithGps(64, 64)).slice(0, 200);
    await expect(processImage(truncated)).rejects.toMatchObject({ code: 'unsupported_media_type' });
  });

  it('stores variants under random names and records them in the commune', async () => {
    const commune = await makeCommune(database);
    const storage = localStorage(path.join(root, 'ok'));
    const saved = await saveImage({ ...scopeFor(database, commune.id, null), tenantId: commune.id }, await jpegWithGps(1400, 900), storage);
    expect(saved.variants).toHaveLength(3);
    const names = saved.variants.map((v) => v.key);
    for (const key of names) expect(key).toMatch(/^[a-z2-7]{2}\/[a-z2-7]{26}-(320|640|1280)\.webp$/);
    const stored = await storage.get(names[0]!);
    expect(stored?.size).toBe(saved.variants[0]!.bytes);
    const onDisk = await readFile(path.join(root, 'ok', names[1]!));
    expect((await sharp(onDisk).metadata()).width).toBe(640);
    const again = await saveImage({ ...scopeFor(database, commune.id, null), tenantId: commune.id }, await jpegWithGps(1400, 900), storage);
    expect(again.variants[0]!.key).not.toBe(names[0]);
  });

  it('leaves no files behind when the upload cannot be recorded', async () => {
    const storage = localStorage(path.join(root, 'failed'));
    const missingCommune = '00000000-0000-4000-8000-000000000000';
    await expect(saveImage({ ...scopeFor(database, missingCommune, null), tenantId: missingCommune }, await samplePng(700, 400), storage)).rejects.toThrow();
    expect(await filesUnder(path.join(root, 'failed'))).toEqual([]);
  });

  it('refuses keys it did not generate (no path traversal)', async () => {
    const storage = localStorage(path.join(root, 'ok'));
    expect(await storage.get('../../etc/passwd')).toBeNull();
    expect(await storage.get('ab/../../x-320.webp')).toBeNull();
  });
});
