import type { z } from 'zod';
import type { MessageKey } from '~/i18n/message-key.ts';
import { AppError, notFound, statusOf } from './errors.ts';

export type FieldErrors = Partial<Record<string, MessageKey>>;

export type FormFailure = {
  ok: false;
  /** Translation keys per field; `_form` for errors about the whole form. */
  errors: FieldErrors;
  /** What the person typed, given back so nothing is lost (never passwords). */
  values: Record<string, string>;
};

const SECRET_FIELDS = new Set(['password', 'newPassword', 'currentPassword', 'confirmPassword']);

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === 'string' && !SECRET_FIELDS.has(key)) values[key] = value;
  }
  return values;
}

/**
 * Parses a submitted form with a zod schema whose messages are translation keys.
 * Returns the typed data, or the field errors plus the typed values for a 400 response.
 */
export function parseForm<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  prepare: (raw: Record<string, unknown>) => Record<string, unknown> = (raw) => raw,
): { ok: true; data: z.output<S> } | FormFailure {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of formData) {
    if (typeof value === 'string') raw[key] = value;
  }
  const result = schema.safeParse(prepare(raw));
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length ? issue.path.map(String).join('.') : '_form';
    errors[field] ??= issueKey(issue.message);
  }
  return { ok: false, errors, values: formValues(formData) };
}

export function formFailure(formData: FormData, errors: FieldErrors): FormFailure {
  return { ok: false, errors, values: formValues(formData) };
}

/**
 * An AppError thrown below an action, said on its form: "not found" is the 404 page; anything
 * else puts its message on the field it names (else `field`), with its status. Any other error
 * is not the person's to fix and is thrown on.
 */
export function failureFrom(error: unknown, form: FormData, field = '_form'): { failure: FormFailure; status: number } {
  if (!(error instanceof AppError)) throw error;
  if (error.code === 'not_found') notFound();
  return { failure: formFailure(form, { [String(error.details?.field ?? field)]: error.messageKey }), status: statusOf[error.code] };
}

/**
 * The translation key a schema wrote as a zod message (`message: 'market:errors.category'`);
 * zod's own messages (no namespace) become `common:validation.invalid`. Zod carries messages as
 * strings, so this is the one cast of a key left: checking the key at run time would load every
 * English file into this shared module for no gain in tsc; tests/i18n/keys-in-code.test.ts finds
 * every key the schemas write in English instead.
 */
export function issueKey(message: string): MessageKey {
  return message.includes(':') ? (message as MessageKey) : 'common:validation.invalid';
}
