import { AppError } from '~/lib/errors.ts';
import type { MessageKey } from '~/i18n/message-key.ts';

/**
 * EMVCo merchant-presented QR payloads, the format under both VietQR and PromptPay: data
 * objects written as ID (2 digits), LEN (2 digits) and VALUE, templates nesting more data
 * objects in their value, and a closing CRC object `63`.
 */

/** One data object: a plain value, or a template holding further data objects. */
export type EmvField = { id: string; value: string | EmvField[] };

/** A data object as read back from a payload; templates stay as their raw text. */
export type EmvTlv = { id: string; value: string };

const ID_PATTERN = /^\d{2}$/;
// Everything Baan writes is printable ASCII, so a length in characters is also a length in
// bytes and every banking app reads it the same way.
const PRINTABLE_ASCII = /^[\x20-\x7E]+$/;
const MAX_VALUE_LENGTH = 99;
const CRC_ID = '63';

function invalid(messageKey: MessageKey, details?: Record<string, unknown>): AppError {
  return new AppError('invalid', messageKey, details);
}

/** One data object as ID + LEN + VALUE. */
export function encodeTlv(id: string, value: string): string {
  if (!ID_PATTERN.test(id)) throw invalid('payments:errors.qrFieldId', { id });
  if (!PRINTABLE_ASCII.test(value)) throw invalid('payments:errors.qrFieldText', { id });
  if (value.length > MAX_VALUE_LENGTH) throw invalid('payments:errors.qrFieldTooLong', { id, length: value.length });
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/** Data objects in the order given, templates encoded inside out. No CRC. */
export function encodeFields(fields: EmvField[]): string {
  return fields.map((field) => encodeTlv(field.id, typeof field.value === 'string' ? field.value : encodeFields(field.value))).join('');
}

const CRC_TABLE = (() => {
  const table = new Uint16Array(256);
  for (let byte = 0; byte < 256; byte++) {
    let crc = byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? (crc << 1) ^ 0x1021 : crc << 1;
    table[byte] = crc & 0xffff;
  }
  return table;
})();

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor) of the UTF-8 bytes. */
export function crc16CcittFalse(input: string): number {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(input)) {
    crc = ((crc << 8) ^ CRC_TABLE[((crc >> 8) ^ byte) & 0xff]!) & 0xffff;
  }
  return crc;
}

/** Four upper-case hex digits, leading zeros kept: scanners compare the text exactly. */
export function crcHex(crc: number): string {
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** Appends the CRC object; the checksum covers everything before it including `6304` itself. */
export function appendCrc(body: string): string {
  const withTag = `${body}${CRC_ID}04`;
  return `${withTag}${crcHex(crc16CcittFalse(withTag))}`;
}

/** A complete payload: the data objects, then `6304` and the CRC. */
export function encodeEmvco(fields: EmvField[]): string {
  if (fields.some((field) => field.id === CRC_ID)) throw invalid('payments:errors.qrFieldId', { id: CRC_ID });
  return appendCrc(encodeFields(fields));
}

/**
 * Splits TLV text into its data objects (one level; a template's value is parsed by calling
 * this again). Lengths count characters, as the encoder writes them.
 */
export function parseTlv(text: string): EmvTlv[] {
  const chars = Array.from(text);
  const fields: EmvTlv[] = [];
  let at = 0;
  while (at < chars.length) {
    const id = chars.slice(at, at + 2).join('');
    const length = chars.slice(at + 2, at + 4).join('');
    if (!ID_PATTERN.test(id) || !/^\d{2}$/.test(length)) throw invalid('payments:errors.qrMalformed', { at });
    const size = Number(length);
    const start = at + 4;
    if (size === 0 || start + size > chars.length) throw invalid('payments:errors.qrMalformed', { at });
    fields.push({ id, value: chars.slice(start, start + size).join('') });
    at = start + size;
  }
  return fields;
}

/**
 * Reads a whole payload and checks it: the Payload Format Indicator first, the CRC object last
 * with four upper-case hex digits, and the checksum matching. Returns the top-level data
 * objects without the CRC.
 */
export function parseEmvco(payload: string): EmvTlv[] {
  const fields = parseTlv(payload);
  const first = fields[0];
  const last = fields.at(-1);
  if (!first || first.id !== '00' || first.value !== '01') throw invalid('payments:errors.qrMalformed', { field: '00' });
  if (!last || last.id !== CRC_ID || !/^[0-9A-F]{4}$/.test(last.value)) {
    throw invalid('payments:errors.qrMalformed', { field: CRC_ID });
  }
  if (fields.filter((field) => field.id === CRC_ID).length !== 1) throw invalid('payments:errors.qrMalformed', { field: CRC_ID });
  // The CRC object is last, so the checked text is the payload less its final 4 characters.
  const expected = crcHex(crc16CcittFalse(payload.slice(0, -4)));
  if (expected !== last.value) throw invalid('payments:errors.qrChecksum', { expected, found: last.value });
  return fields.slice(0, -1);
}

/** The value of the first data object with this id, or null. */
export function getField(fields: EmvTlv[], id: string): string | null {
  return fields.find((field) => field.id === id)?.value ?? null;
}
