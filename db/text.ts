/**
 * Lower-case, diacritic-free form used for search ("Tả Van" → "ta van", "Đồng" → "dong").
 * Only Latin combining marks are removed: Thai vowel and tone marks are letters of the word.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
}
