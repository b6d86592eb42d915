import type { MediaVariant } from '#domain/media.ts';

export type ImageData = { width: number; height: number; variants: MediaVariant[] };

/** An image with a srcset of its WebP variants, so a 360 px phone downloads the 320/640 one. */
export function ResponsiveImage({
  image,
  alt,
  sizes = '(max-width: 720px) 100vw, 720px',
  eager = false,
  className,
}: {
  image: ImageData;
  alt: string;
  sizes?: string;
  eager?: boolean;
  className?: string;
}) {
  const sorted = [...image.variants].sort((a, b) => a.width - b.width);
  const fallback = sorted.find((v) => v.width >= 640) ?? sorted[sorted.length - 1];
  if (!fallback) return null;
  return (
    <img
      className={className}
      src={`/media/${fallback.key}`}
      srcSet={sorted.map((v) => `/media/${v.key} ${v.width}w`).join(', ')}
      sizes={sizes}
      width={fallback.width}
      height={fallback.height}
      alt={alt}
      loading={eager ? 'eager' : 'lazy'}
      decoding="async"
    />
  );
}
