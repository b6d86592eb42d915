// Photos are made smaller on the phone before they are sent: a camera photo is 3–6 MB, which
// takes minutes to upload on a weak mobile network, while the server keeps at most 1280 px of
// it. The picked files are swapped, in the file input itself, for copies of at most 1600 px on
// the long side (WebP where the browser can write it, else JPEG), so the form posts as before.
// The copies carry no metadata (no GPS position). Without JavaScript, or when anything here
// fails, the original files go and the server does the same work.

const MAX_SIDE = 1600;
const QUALITY = 0.82;
/** Smaller than this and no larger than MAX_SIDE: sent as it is. */
const SMALL_ENOUGH = 600 * 1024;

/** An `onChange` for an `<input type="file">` of photos. */
export function shrinkPickedPhotos(event: { currentTarget: HTMLInputElement }): void {
  void shrinkPhotos(event.currentTarget);
}

export async function shrinkPhotos(input: HTMLInputElement): Promise<void> {
  const picked = input.files;
  if (!picked?.length || typeof createImageBitmap !== 'function' || typeof DataTransfer !== 'function') return;
  const originals = [...picked];
  const copies: File[] = [];
  // One at a time: a cheap phone has little memory for several decoded 12-megapixel photos.
  for (const file of originals) copies.push(await shrink(file));
  if (input.files !== picked || copies.every((copy, i) => copy === originals[i])) return; // picked again meanwhile, or nothing to gain
  const transfer = new DataTransfer();
  for (const copy of copies) transfer.items.add(copy);
  input.files = transfer.files;
  input.dataset.shrunk = String(copies.reduce((n, f) => n + f.size, 0));
}

async function shrink(file: File): Promise<File> {
  if (!/^image\/(jpeg|png|webp)$/.test(file.type)) return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return file; // not decodable here: let the server say what is wrong with it
  }
  try {
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    if (scale === 1 && file.size <= SMALL_ENOUGH) return file;
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const context = canvas.getContext('2d');
    if (!context) return file;
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    // A browser that cannot write WebP hands back PNG: JPEG then (photos have no transparency worth keeping).
    let blob = await encode(canvas, 'image/webp');
    if (blob?.type !== 'image/webp') blob = await encode(canvas, 'image/jpeg');
    if (!blob || blob.size >= file.size) return file;
    const extension = blob.type === 'image/webp' ? 'webp' : 'jpg';
    return new File([blob], `${file.name.replace(/\.[^.]*$/, '') || 'photo'}.${extension}`, { type: blob.type, lastModified: file.lastModified });
  } finally {
    bitmap.close();
  }
}

function encode(canvas: HTMLCanvasElement, type: string): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, type, QUALITY));
}
