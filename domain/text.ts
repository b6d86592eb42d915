// Search text and slugs: pure functions shared by the browser (catalogue filter), the app and the seeds.

type Names = Partial<Record<string, string>>;

/** What the commune search matches: every name, the province (old names too) and the old address. */
export function communeSearchText(parts: { slug: string; name: Names; provinceName?: Names; legacyNames?: string[]; legacyAddress?: string | null }): string {
  return fold(
    [
      parts.slug.replace(/-/g, ' '),
      ...Object.values(parts.name),
      ...Object.values(parts.provinceName ?? {}),
      ...(parts.legacyNames ?? []),
      parts.legacyAddress ?? '',
    ]
      .filter(Boolean)
      .join(' | '),
  );
}

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

/** What the catalogue search matches for a product: titles, category, certificate, seller, commune and province (old names too). */
export function productSearchText(parts: {
  title: Names;
  category: string;
  certStars?: number | null;
  seller?: string | null;
  hamlet?: string | null;
  commune?: Names;
  province?: Names;
  legacyNames?: string[];
}): string {
  return fold(
    [
      ...Object.values(parts.title),
      parts.category,
      parts.certStars ? `ocop otop ${parts.certStars}` : '',
      parts.seller ?? '',
      parts.hamlet ?? '',
      ...Object.values(parts.commune ?? {}),
      ...Object.values(parts.province ?? {}),
      ...(parts.legacyNames ?? []),
    ]
      .filter(Boolean)
      .join(' | '),
  );
}

/** A URL slug from a name: Vietnamese folded to ASCII; names with no Latin letters (Thai) give `fallback`. */
export function slugify(name: string, fallback: string): string {
  const base = fold(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return base || fallback;
}
