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
