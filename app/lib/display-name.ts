import { z } from 'zod';

/**
 * A name people see next to what someone wrote or sells (an account's display name, a shop's
 * name): one rule for all of them, so no name can look empty, hide characters, or pass for
 * Baan's or a commune's staff.
 */

/** Staff titles nobody may take as their own name, compared after `foldName` (one list, here). */
export const RESERVED_NAMES: readonly string[] = [
  'Admin',
  'Administrator',
  'Moderator',
  'Operator',
  'Staff',
  'Support',
  'Baan',
  'Baan Admin',
  'Baan Support',
  'Ban quản trị',
  'Ban quản trị Baan',
  'Quản trị',
  'Quản trị viên',
  'Hỗ trợ',
  'Cán bộ xã',
  'UBND xã',
  'ผู้ดูแลระบบ',
  'ผู้ดูแล',
  'แอดมิน',
  'เจ้าหน้าที่',
];

/**
 * Characters a name never holds: controls (Cc), format characters (Cf: zero-width space and
 * joiners U+200B–U+200D, word joiner U+2060, BOM U+FEFF, soft hyphen, bidi embeddings and
 * overrides U+202A–U+202E and isolates U+2066–U+2069), private-use, surrogates, unassigned,
 * line/paragraph separators, and the letters that draw nothing (Hangul fillers, braille blank).
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Cn}\p{Zl}\p{Zp}\u115F\u1160\u3164\uFFA0\u2800]/u;
const VISIBLE = /[\p{L}\p{N}]/u;

/** NFC, every run of spaces (no-break and wide ones too) made one space, trimmed. */
export function normaliseName(raw: string): string {
  return raw.normalize('NFC').replace(/\p{White_Space}+/gu, ' ').trim();
}

/** A name reduced for comparison: no diacritics or marks, lower case, đ → d, letters and digits only. */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const reserved = new Set(RESERVED_NAMES.map(foldName));

export type NameProblem = 'hidden' | 'invisible' | 'reserved';

/** Why a (normalised) name is refused, or null. */
export function nameProblem(name: string): NameProblem | null {
  if (HIDDEN.test(name)) return 'hidden';
  if (!VISIBLE.test(name)) return 'invisible';
  if (reserved.has(foldName(name))) return 'reserved';
  return null;
}

const MESSAGES: Record<NameProblem, string> = {
  hidden: 'common:displayName.controlCharacters',
  invisible: 'common:displayName.invisible',
  reserved: 'common:displayName.reserved',
};

/**
 * A name field: normalised (see `normaliseName`), then refused with a translation key when it
 * is empty (`required`), longer than `max` (`tooLong`), holds hidden characters, has no visible
 * letter or digit, or is a reserved staff title.
 */
export const nameSchema = ({ max, required, tooLong }: { max: number; required: string; tooLong: string }) =>
  z
    .string({ error: required })
    .transform((raw, ctx) => {
      // Hidden characters (tabs and line breaks too: a name is one line) are looked for before
      // spaces are collapsed.
      const nfc = raw.normalize('NFC');
      if (HIDDEN.test(nfc)) {
        ctx.addIssue({ code: 'custom', message: MESSAGES.hidden });
        return z.NEVER;
      }
      const name = normaliseName(nfc);
      const found = nameProblem(name);
      const problem = !name ? required : [...name].length > max ? tooLong : found ? MESSAGES[found] : null;
      if (problem) {
        ctx.addIssue({ code: 'custom', message: problem });
        return z.NEVER;
      }
      return name;
    });
