import { z } from 'zod';

/**
 * A name people see next to what someone wrote or sells (an account's display name, a shop's
 * name): one rule for all of them, so no name can look empty, hide characters, or pass for
 * Baan's or a commune's staff.
 */

/**
 * Staff titles nobody may use in their name. A title is refused wherever it stands in the name as
 * whole words ("UBND xã Gia Phú", "Ban quản trị xã Tả Van", "Hoa Admin"), compared after folding
 * (case, diacritics, đ, punctuation and spacing do not matter); a Thai title, written without
 * spaces around it, is refused at the start of any word ("ผู้ใหญ่บ้านสมชาย"). One list, here.
 */
export const RESERVED_NAMES: readonly string[] = [
  // Baan's own staff
  'Admin',
  'Administrator',
  'Moderator',
  'Ban quản trị',
  'Quản trị viên',
  'ผู้ดูแลระบบ',
  'แอดมิน',
  // A commune's officials and village heads
  'Cán bộ xã',
  'UBND',
  'Ủy ban nhân dân',
  'Chủ tịch xã',
  'Trưởng thôn',
  'Trưởng bản',
  'ผู้ใหญ่บ้าน',
  'กำนัน',
];

/**
 * Words that pass for staff only as the whole name: inside a name they are ordinary ("Baan Rak
 * Thai Tea" — baan is "home" in Thai —, "Tour Operator Sa Pa", "HTX Hỗ trợ nông dân").
 */
export const RESERVED_WHOLE_NAMES: readonly string[] = [
  'Baan',
  'Baan Support',
  'Baan Team',
  'Baan Staff',
  'Operator',
  'Staff',
  'Support',
  'Quản trị',
  'Hỗ trợ',
  'ผู้ดูแล',
  'เจ้าหน้าที่',
];

/**
 * Characters a name never holds: controls (Cc), format characters (Cf: zero-width non-joiner,
 * soft hyphen, bidi embeddings and overrides U+202A–U+202E and isolates U+2066–U+2069; the
 * zero-width joiner and tag characters only inside an emoji, see EMOJI_GLUE), private-use,
 * surrogates, line/paragraph separators, and the letters that draw nothing (Hangul fillers,
 * braille blank). Unassigned code points are not refused: they are mostly emoji newer than the
 * Unicode tables of the Node version running Baan.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}\u115F\u1160\u3164\uFFA0\u2800]/u;
/**
 * The format characters an emoji is made of: a zero-width joiner between two pictographs (with
 * their skin tone or emoji-style selector: 👩‍🌾, 👨🏽‍🍳) and the tag characters of a subdivision
 * flag (🏴 + tags + cancel tag). Left out before HIDDEN is looked for.
 */
const EMOJI_GLUE =
  // eslint-disable-next-line no-misleading-character-class -- with the u flag each modifier is one code point: the class means "VS16 or a skin tone", as intended
  /(?<=\p{Extended_Pictographic}[\uFE0F\u{1F3FB}-\u{1F3FF}]?)\u200D(?=\p{Extended_Pictographic})|(?<=\u{1F3F4})[\u{E0020}-\u{E007E}]+\u{E007F}/gu;
/** Characters pasted along with text that mean nothing in a name: zero-width space, word joiner, BOM. */
const STRIPPED = /[\u200B\u2060\uFEFF]/g;
const VISIBLE = /[\p{L}\p{N}]/u;

const hasHidden = (text: string) => HIDDEN.test(text.replace(EMOJI_GLUE, ''));

/** NFC, zero-width spaces, word joiners and BOMs removed, every run of spaces (no-break and wide ones too) made one space, trimmed. */
export function normaliseName(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(STRIPPED, '')
    .replace(/\p{White_Space}+/gu, ' ')
    .trim();
}

/** A name reduced for comparison: no diacritics or marks, lower case, đ → d, words of letters and digits separated by one space. */
function foldWords(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A name reduced for comparison, all its letters and digits run together ("A.d.m.i.n" → "admin"). */
export function foldName(name: string): string {
  return foldWords(name).replace(/ /g, '');
}

const reservedTitles = RESERVED_NAMES.map((title) => ({
  words: foldWords(title),
  compact: foldName(title),
  // Thai is written without spaces between words: a title may run on into the name after it.
  runsOn: /\p{Script=Thai}/u.test(title),
}));

const reservedWholeNames = new Set(RESERVED_WHOLE_NAMES.map(foldName));

function isReserved(name: string): boolean {
  const words = ` ${foldWords(name)} `;
  const compact = foldName(name);
  if (reservedWholeNames.has(compact)) return true;
  return reservedTitles.some((title) => compact === title.compact || words.includes(` ${title.words}${title.runsOn ? '' : ' '}`));
}

/**
 * Latin letters mixed with Cyrillic or Greek ones: the look-alike trick ("Аdmin" with a Cyrillic А)
 * that passes any list of words. A name is written in one of these alphabets, not several.
 */
function mixesScripts(name: string): boolean {
  return /\p{Script=Latin}/u.test(name) && /[\p{Script=Cyrillic}\p{Script=Greek}]/u.test(name);
}

export type NameProblem = 'hidden' | 'invisible' | 'mixedScripts' | 'reserved';

/** Why a (normalised) name is refused, or null. */
export function nameProblem(name: string): NameProblem | null {
  if (hasHidden(name)) return 'hidden';
  if (!VISIBLE.test(name)) return 'invisible';
  if (mixesScripts(name)) return 'mixedScripts';
  if (isReserved(name)) return 'reserved';
  return null;
}

const MESSAGES: Record<NameProblem, string> = {
  hidden: 'common:displayName.controlCharacters',
  invisible: 'common:displayName.invisible',
  mixedScripts: 'common:displayName.mixedScripts',
  reserved: 'common:displayName.reserved',
};

/**
 * A name field: normalised (see `normaliseName`), then refused with a translation key when it
 * is empty (`required`), longer than `max` (`tooLong`), holds hidden characters, has no visible
 * letter or digit, mixes look-alike alphabets or holds a reserved staff title.
 */
export const nameSchema = ({ max, required, tooLong }: { max: number; required: string; tooLong: string }) =>
  z.string({ error: required }).transform((raw, ctx) => {
    // Hidden characters (tabs and line breaks too: a name is one line) are looked for before
    // spaces are collapsed.
    const nfc = raw.normalize('NFC').replace(STRIPPED, '');
    if (hasHidden(nfc)) {
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
