/**
 * What text Baan accepts from the outside, in one place. Every form body (readFormData), every
 * query parameter and path segment (inputMiddleware) and every text schema passes through here,
 * so a NUL byte or a stray control character is refused as a 400 before any query sees it,
 * instead of failing deep in Postgres (which cannot store U+0000 at all) as a 500.
 */

/**
 * Characters no typed text contains: C0 and C1 controls and DEL (tab, line feed and carriage
 * return are allowed in multi-line text only), U+FFFD (what a decoder puts where the bytes sent
 * were not UTF-8: a lone surrogate or a cut-off sequence), the non-characters U+FFFE/U+FFFF and
 * lone UTF-16 surrogates.
 */
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F\uFFFD\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CONTROL_MULTI_LINE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Every such character (multi-line rule), to take them out of what someone typed. */
export const FORBIDDEN_GLOBAL = new RegExp(CONTROL_MULTI_LINE.source, 'g');

/** True when `text` holds a character Baan never stores (see above). */
export function hasForbiddenCharacters(text: string, { multiline = false }: { multiline?: boolean } = {}): boolean {
  return (multiline ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(text);
}

/** The translation key said when text holds such a character. */
export const FORBIDDEN_CHARACTERS_MESSAGE = 'common:errors.invalidCharacters';

/**
 * One path segment decoded, or null when it is not valid percent-encoded UTF-8 (`%ZZ`, `%`,
 * `%E0%A4%A`, `%ED%A0%80`): such an address names no page.
 */
export function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export type UrlProblem = { kind: 'undecodable' | 'forbidden'; in: 'path' | 'query' };

/**
 * What is wrong with a request's address, if anything: a path segment that cannot be decoded,
 * or a control character (NUL included) or broken UTF-8 in a path segment or query parameter.
 */
const REDIRECT_PARAM = 'redirectTo';

export function urlProblem(url: URL): UrlProblem | null {
  for (const segment of url.pathname.split('/')) {
    const decoded = decodeSegment(segment);
    if (decoded === null) return { kind: 'undecodable', in: 'path' };
    if (hasForbiddenCharacters(decoded)) return { kind: 'forbidden', in: 'path' };
  }
  // URLSearchParams decodes broken UTF-8 to U+FFFD, which the check refuses.
  for (const [key, value] of url.searchParams) {
    // A sign-in link's destination is never stored: safeRedirect parses it with the URL parser
    // (which drops tabs and line breaks) and falls back to the home page, so a hostile link still
    // opens the sign-in form instead of an error.
    if (key === REDIRECT_PARAM) continue;
    if (hasForbiddenCharacters(key) || hasForbiddenCharacters(value)) return { kind: 'forbidden', in: 'query' };
  }
  return null;
}
