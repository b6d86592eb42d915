import { z } from 'zod';
import { nameSchema } from '~/lib/display-name.ts';

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

export const SignUpSchema = z.object({
  email: EmailSchema,
  password: PasswordSchema,
  // Normalised; no hidden characters, no invisible-only names, no staff titles (see display-name.ts).
  displayName: nameSchema({ max: 80, required: 'auth:errors.displayNameRequired', tooLong: 'auth:errors.displayNameTooLong' }),
  phone: PhoneSchema,
});
export type SignUpInput = z.output<typeof SignUpSchema>;

export const SignInSchema = z.object({
  email: EmailSchema,
  password: z.string({ error: 'auth:errors.passwordRequired' }).min(1, 'auth:errors.passwordRequired').max(256, 'auth:errors.passwordTooLong'),
});
export type SignInInput = z.output<typeof SignInSchema>;

export const ChangePasswordSchema = z.object({
  currentPassword: z.string({ error: 'auth:errors.passwordRequired' }).min(1, 'auth:errors.passwordRequired').max(256),
  newPassword: PasswordSchema,
});

export const InviteSchema = z.object({
  email: EmailSchema,
  role: z.enum(['official', 'editor', 'seller'], { error: 'auth:errors.roleInvalid' }),
});
export type InviteInput = z.output<typeof InviteSchema>;

/** Only same-site relative paths may be a post-sign-in destination (no open redirects). */
export function safeRedirect(to: unknown, fallback = '/'): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback;
  return to;
}
