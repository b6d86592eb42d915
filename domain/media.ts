// What a stored image looks like where pages and tables carry it (JSON columns): plain types.

export type MediaVariant = { width: number; height: number; key: string; bytes: number };

/** A stored image as other tables copy it: enough to render it without reading `media`. */
export type ImageRef = { id: string; width: number; height: number; variants: MediaVariant[] };
