import { shrinkPickedPhotos } from '~/media/shrink-photos.ts';
import { ResponsiveImage, type ImageData } from './responsive-image.tsx';

type Photo = ImageData & { id: string };

/** A listing's photos: the first one large, the others in a strip linking to their full size. */
export function PhotoGallery({ photos, alt, otherAlt }: { photos: Photo[]; alt: string; otherAlt: string }) {
  const [first, ...rest] = photos;
  return (
    <>
      {first ? (
        <figure className="product-photo">
          <ResponsiveImage image={first} alt={alt} eager />
        </figure>
      ) : null}
      {rest.length ? (
        <ul className="photo-strip">
          {rest.map((photo) => (
            <li key={photo.id}>
              <a href={`/media/${photo.variants[photo.variants.length - 1]?.key}`}>
                <ResponsiveImage image={photo} alt={otherAlt} sizes="120px" />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/**
 * The photo field of an editor: pick new photos (the phone's camera offered first) and tick
 * stored ones to remove. `error` is already translated.
 */
export function PhotoPicker({
  label,
  removeLabel,
  photos,
  error,
  camera = false,
}: {
  label: string;
  removeLabel: string;
  photos: Photo[];
  error?: string;
  camera?: boolean;
}) {
  return (
    <>
      <div className={`field${error ? ' field-error' : ''}`}>
        <label htmlFor="photos">{label}</label>
        <input
          id="photos"
          name="photos"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          capture={camera ? 'environment' : undefined}
          multiple
          onChange={shrinkPickedPhotos}
        />
        {error ? <p className="error">{error}</p> : null}
      </div>
      {photos.length ? (
        <ul className="photo-strip">
          {photos.map((photo) => (
            <li key={photo.id}>
              <ResponsiveImage image={photo} alt="" sizes="120px" />
              <label className="checkbox">
                <input type="checkbox" name={`remove.${photo.id}`} /> {removeLabel}
              </label>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
