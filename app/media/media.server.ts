import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { and, eq } from 'drizzle-orm';
import { media, type MediaVariant } from '#db/schema/index.ts';
import { withTenant, type CommuneScope } from '#db/scope.ts';
import { env } from '~/lib/env.server.ts';
import { AppError, statusOf } from '~/lib/errors.ts';
import type { MessageKey } from '~/i18n/message-key.ts';
import { UUID_PATTERN } from '~/lib/ids.ts';
import path from 'node:path';
import { processImage } from './image-pipeline.server.ts';
import { localStorage, type MediaStorage } from './storage.server.ts';

let defaultStorage: MediaStorage | undefined;
export function mediaStorage(): MediaStorage {
  defaultStorage ??= localStorage(path.join(env.dataDir, 'media'));
  return defaultStorage;
}

export type StoredMedia = { id: string; width: number; height: number; variants: MediaVariant[] };

function randomName(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/**
 * The one upload pipeline every capability uses: validate and re-encode the image, store the
 * variants under random names, then record them in the commune's media table. If recording
 * fails, the files are removed again: nothing half-stored remains.
 */
export async function saveImage(scope: CommuneScope, bytes: Uint8Array, storage: MediaStorage = mediaStorage()): Promise<StoredMedia> {
  const image = await processImage(bytes);
  const name = randomName();
  const variants: MediaVariant[] = [];
  try {
    for (const variant of image.variants) {
      const key = `${name.slice(0, 2)}/${name}-${variant.width <= 320 ? 320 : variant.width <= 640 ? 640 : 1280}.webp`;
      await storage.put(key, variant.body, 'image/webp');
      variants.push({ key, width: variant.width, height: variant.height, bytes: variant.body.byteLength });
    }
    const [row] = await withTenant(scope, (tx) =>
      tx
        .insert(media)
        .values({ tenantId: scope.tenantId, uploadedBy: scope.userId, width: image.width, height: image.height, variants, sourceType: image.sourceType })
        .returning({ id: media.id }),
    );
    return { id: row!.id, width: image.width, height: image.height, variants };
  } catch (error) {
    await Promise.all(variants.map((v) => storage.delete(v.key).catch(() => {})));
    throw error;
  }
}

export async function getMedia(scope: CommuneScope, id: string): Promise<StoredMedia | null> {
  if (!UUID_PATTERN.test(id)) return null;
  const [row] = await withTenant(scope, (tx) =>
    tx
      .select({ id: media.id, width: media.width, height: media.height, variants: media.variants })
      .from(media)
      .where(and(eq(media.tenantId, scope.tenantId), eq(media.id, id))),
  );
  return row ?? null;
}

/**
 * The photos an editor form ends up with: the stored ones not ticked for removal, then the new
 * uploads through the pipeline, at most `max`. A refusal names the translation key and status.
 */
export async function collectPhotos(
  scope: CommuneScope,
  form: FormData,
  stored: StoredMedia[],
  max: number,
  tooMany: MessageKey,
): Promise<{ ok: true; photos: StoredMedia[] } | { ok: false; messageKey: MessageKey; status: number }> {
  const kept = stored.filter((p) => form.get(`remove.${p.id}`) !== 'on');
  const files = form.getAll('photos').filter((f): f is File => f instanceof File && f.size > 0);
  if (kept.length + files.length > max) return { ok: false, messageKey: tooMany, status: 400 };
  const photos = [...kept];
  for (const file of files) {
    try {
      photos.push(await saveImage(scope, new Uint8Array(await file.arrayBuffer())));
    } catch (error) {
      if (error instanceof AppError) return { ok: false, messageKey: error.messageKey, status: statusOf[error.code] };
      throw error;
    }
  }
  return { ok: true, photos };
}
