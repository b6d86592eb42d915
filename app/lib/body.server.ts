import { data } from 'react-router';
import { AppError } from './errors.ts';
import { type FormFailure, formFailure } from './forms.ts';
import { FORBIDDEN_CHARACTERS_MESSAGE, FORBIDDEN_GLOBAL, hasForbiddenCharacters } from './text.ts';

/**
 * A submitted form. `failure` is set when a field (name or value) held a character Baan never
 * stores: a NUL, another control character (tab and line breaks allowed) or broken UTF-8. Those
 * characters are then already gone from `form`, and `failure` is the usual 400 answer naming the
 * field with what the person typed (minus those characters), so a route returns it as it returns
 * any other field error, and nothing typed is lost. No action passes such text on.
 */
export type SubmittedForm = { form: FormData; failure: FormFailure | null };

/** A field name or value with the characters Baan never stores taken out. */
const clean = (text: string) => text.replace(FORBIDDEN_GLOBAL, '');

/**
 * The raw body, read only up to `maxBytes`: past it (declared or streamed) the reading stops
 * and null is returned, so an oversized body is never held in memory or written anywhere.
 */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Buffer<ArrayBuffer> | null> {
  if (Number(request.headers.get('Content-Length') ?? 0) > maxBytes) return null;
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads a form body but stops as soon as it passes `maxBytes`, so an oversized upload is
 * refused (thrown as an AppError) without being held in memory or written anywhere. Forbidden
 * characters are said on their field (see SubmittedForm), once for every form.
 */
export async function readFormData(request: Request, maxBytes: number): Promise<SubmittedForm> {
  if (!request.body && Number(request.headers.get('Content-Length') ?? 0) <= maxBytes) return { form: new FormData(), failure: null };
  const body = await readBodyBytes(request, maxBytes);
  if (!body) throw new AppError('payload_too_large', 'media:errors.tooLarge');
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'Content-Type': request.headers.get('Content-Type') ?? '' } }).formData();
  } catch {
    throw new AppError('invalid', 'common:validation.invalid');
  }
  let refused: string | null = null;
  const kept = new FormData();
  for (const [key, value] of form) {
    const bad = hasForbiddenCharacters(key, { multiline: true }) || (typeof value === 'string' && hasForbiddenCharacters(value, { multiline: true }));
    if (bad) refused ??= clean(key) || '_form';
    kept.append(clean(key), typeof value === 'string' ? clean(value) : value);
  }
  if (refused === null) return { form, failure: null };
  return { form: kept, failure: formFailure(kept, { [refused]: FORBIDDEN_CHARACTERS_MESSAGE }) };
}

/**
 * The submitted form of an ordinary (non-upload) page. A body that is not a form, or larger
 * than a form of text can be, is a 400/413 page in the reader's language, never a 500.
 */
export async function readForm(request: Request, maxBytes = 64 * 1024): Promise<SubmittedForm> {
  try {
    return await readFormData(request, maxBytes);
  } catch (error) {
    const status = error instanceof AppError && error.code === 'payload_too_large' ? 413 : 400;
    throw data({ messageKey: status === 413 ? 'common:errors.tooLarge' : 'common:errors.badRequest' }, { status });
  }
}
