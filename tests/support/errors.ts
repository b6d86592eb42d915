import { AppError } from '~/lib/errors.ts';

/** The message key of the AppError that `fn` throws (or the error as text); undefined when it throws nothing. */
export function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.messageKey : String(error);
  }
  return undefined;
}

/** The SQLSTATE an error carries, on it or on its cause (drizzle wraps the driver's error). */
export function sqlStateOf(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}
