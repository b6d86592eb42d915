import { z } from 'zod';
import { nameSchema } from '~/lib/display-name.ts';
import { parseIdentifier, type Identifier } from './identity.ts';
import { ROLES } from './roles.ts';

// Messages are translation keys; the form shows them in the reader's language.
export const EmailSchema = z
  .string({ error: 'auth:errors.emailRequired' })
  .trim()
  .min(1, 'auth:errors.emailRequired')
  .max(254, 'auth:errors.emailInvalid')
  .pipe(z.email('auth:errors.emailInvalid'))
  .transform((email) => email.toLowerCase());

export const PasswordSchema = z
  .string({ error: 'auth:errors.passwordRequired' })
  .min(1, 'auth:errors.passwordRequired')
  .min(10, 'auth:errors.passwordTooShort')
  .max(256, 'auth:errors.passwordTooLong');

/** An optional phone (or Zalo) number, as people write it: digits, spaces, dots, dashes, a leading +. */
export const PhoneSchema = z
  .string()
  .trim()
  .max(24, 'auth:errors.phoneInvalid')
  .regex(/^$|^\+?[0-9][0-9 .-]{5,22}$/, 'auth:errors.phoneInvalid')
  .optional()
  .transform((phone) => (phone ? phone : null));

/**
 * The one sign-in field: an e-mail address or a Vietnamese/Thai phone number (app/auth/identity.ts),
 * read in the reader's language's country (a local 09… number is Vietnamese for a Vietnamese reader).
 */
export function identifierSchema(locale: string | null = null) {
  return z
    .string({ error: 'auth:errors.identifierRequired' })
    .trim()
    .min(1, 'auth:errors.identifierRequired')
    .max(254, 'auth:errors.identifierInvalid')
    .transform((text, ctx): Identifier => {
      const identifier = parseIdentifier(text, locale);
      if (!identifier) {
        ctx.addIssue({ code: 'custom', message: text.includes('@') ? 'auth:errors.emailInvalid' : 'auth:errors.identifierInvalid' });
        return z.NEVER;
      }
      return identifier;
    });
}

export function signUpSchema(locale: string | null = null) {
  return z.object({
    identifier: identifierSchema(locale),
    password: PasswordSchema,
    // Normalised; no hidden characters, no invisible-only names, no staff titles (see display-name.ts).
    displayName: nameSchema({ max: 80, required: 'auth:errors.displayNameRequired', tooLong: 'auth:errors.displayNameTooLong' }),
  });
}
export const SignUpSchema = signUpSchema();
export type SignUpInput = z.output<typeof SignUpSchema>;

export function signInSchema(locale: string | null = null) {
  return z.object({
    identifier: identifierSchema(locale),
    password: z.string({ error: 'auth:errors.passwordRequired' }).min(1, 'auth:errors.passwordRequired').max(256, 'auth:errors.passwordTooLong'),
  });
}
export const SignInSchema = signInSchema();
export type SignInInput = z.output<typeof SignInSchema>;

/** Asking for a reset: who the account is. */
export function resetRequestSchema(locale: string | null = null) {
  return z.object({ identifier: identifierSchema(locale) });
}

export const CodeSchema = z
  .string({ error: 'auth:errors.codeRequired' })
  .transform((code) => code.replace(/[\s.-]/g, ''))
  .pipe(z.string().regex(/^[0-9]{6}$|^[0-9]{8}$/, 'auth:errors.codeInvalid'));

/** Setting a new password with a code from an SMS or from an official. */
export function resetWithCodeSchema(locale: string | null = null) {
  return z.object({ identifier: identifierSchema(locale), code: CodeSchema, newPassword: PasswordSchema });
}

export const ResetWithTokenSchema = z.object({ newPassword: PasswordSchema });
export const VerifyPhoneSchema = z.object({ code: CodeSchema });

/** Adding or changing the account's e-mail address or phone number: the new one, and the password to confirm. */
export function changeAddressSchema(locale: string | null = null) {
  return z.object({
    identifier: identifierSchema(locale),
    password: z.string({ error: 'auth:errors.passwordRequired' }).min(1, 'auth:errors.passwordRequired').max(256, 'auth:errors.passwordTooLong'),
  });
}

export const ChangePasswordSchema = z.object({
  currentPassword: z.string({ error: 'auth:errors.passwordRequired' }).min(1, 'auth:errors.passwordRequired').max(256),
  newPassword: PasswordSchema,
});

export function inviteSchema(locale: string | null = null) {
  return z.object({
    identifier: identifierSchema(locale),
    role: z.enum(ROLES, { error: 'auth:errors.roleInvalid' }),
  });
}
export const InviteSchema = inviteSchema();
export type InviteInput = z.output<typeof InviteSchema>;

// Any origin will do as the base: only whether the parsed URL keeps it matters.
const SITE = 'http://baan.invalid';

/**
 * Where to go after signing in or up: only a path on this site. The value is parsed by the WHATWG
 * URL parser (as browsers parse a Location header) against the site's own origin, and accepted
 * only if it stays there; what comes back is the parser's own path, query and fragment, which are
 * percent-encoded ASCII. So tabs and CR/LF (dropped by the parser), backslashes (`/\host`),
 * encoded tricks (`/%09/host`), schemes and protocol-relative URLs cannot lead off the site, and
 * non-Latin-1 text cannot break the Location header. Everything else falls back to `fallback`.
 */
export function safeRedirect(to: unknown, fallback = '/'): string {
  if (typeof to !== 'string' || to.length > 2048 || !to.startsWith('/')) return fallback;
  let url: URL;
  try {
    url = new URL(to, SITE);
  } catch {
    return fallback;
  }
  if (url.origin !== SITE) return fallback;
  const path = url.pathname + url.search + url.hash;
  // A path the browser would read as protocol-relative once written back out (`//host`).
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return fallback;
  return path;
}
