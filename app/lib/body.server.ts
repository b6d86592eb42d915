import { data } from 'react-router';
import { AppError } from './errors.ts';
import { FORBIDDEN_CHARACTERS_MESSAGE, hasForbiddenCharacters } from './text.ts';

/**
 * Reads a form body but stops as soon as it passes `maxBytes`, so an oversized upload is
 * refused without being held in memory or written anywhere. A field (name or value) holding a
 * NUL, another control character (tab and line breaks allowed) or broken UTF-8 is refused here,
 * once for every form, so no action ever passes such text on to the database.
 */
export async function readFormData(request: Request, maxBytes: number): Promise<FormData> {
  const declared = Number(request.headers.get('Content-Length') ?? 0);
  if (declared > maxBytes) throw new AppError('payload_too_large', 'media:errors.tooLarge');
  if (!request.body) return new FormData();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new AppError('payload_too_large', 'media:errors.tooLarge');
    }
    chunks.push(value);
  }
  let form: FormData;
  try {
    form = await new Response(Buffer.concat(chunks), { headers: { 'Content-Type': request.headers.get('Content-Type') ?? '' } }).formData();
  } catch {
    throw new AppError('invalid', 'common:validation.invalid');
  }
  for (const [key, value] of form) {
    if (hasForbiddenCharacters(key, { multiline: true }) || (typeof value === 'string' && hasForbiddenCharacters(value, { multiline: true }))) {
      throw new AppError('invalid', FORBIDDEN_CHARACTERS_MESSAGE, { field: key });
    }
  }
  return form;
}

/**
 * The submitted form of an ordinary (non-upload) page. A body that is not a form, or larger
 * than a form of text can be, is a 400/413 page in the reader's language, never a 500.
 */
export async function readForm(request: Request, maxBytes = 64 * 1024): Promise<FormData> {
  try {
    return await readFormData(request, maxBytes);
  } catch (error) {
    const status = error instanceof AppError && error.code === 'payload_too_large' ? 413 : 400;
    const forbidden = error instanceof AppError && error.messageKey === FORBIDDEN_CHARACTERS_MESSAGE;
    throw data({ messageKey: status === 413 ? 'common:errors.tooLarge' : forbidden ? FORBIDDEN_CHARACTERS_MESSAGE : 'common:errors.badRequest' }, { status });
  }
}
