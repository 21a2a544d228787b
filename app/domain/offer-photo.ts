/**
 * An equipment offer's photos: the limits an upload must meet, how many an offer
 * keeps, and where their files are served (docs/decisions/057).
 */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
/** A 48-megapixel phone photo is refused; the usual 12 to 24 are taken. */
export const MAX_PHOTO_PIXELS = 40_000_000;
export const MAX_PHOTOS = 6;
/** The sizes kept, the longer side in pixels: the offer page and the thumbnails. */
export const PHOTO_SIZES = [1200, 320] as const;
export type PhotoSize = (typeof PHOTO_SIZES)[number];

export function photoUrl(key: string, size: PhotoSize): string {
  return `/media/photos/${key}-${size}.webp`;
}
