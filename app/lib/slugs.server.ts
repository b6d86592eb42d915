import { AppError } from './errors.ts';

/** Four random characters to tell apart two things with the same name. */
export function shortSuffix(): string {
  return crypto.getRandomValues(new Uint32Array(1))[0]!.toString(36).padStart(4, '0').slice(-4);
}

/** `base` if it is free in the commune, else `base-xxxx` with a random suffix (a few tries). */
export async function freeSlug(base: string, isTaken: (slug: string) => Promise<boolean>): Promise<string> {
  let slug = base;
  for (let attempt = 0; attempt < 6; attempt++) {
    if (!(await isTaken(slug))) return slug;
    slug = `${base.slice(0, 70)}-${shortSuffix()}`;
  }
  throw new AppError('conflict', 'common:errors.unexpected'); // was common:errors.generic, a key that never existed
}
