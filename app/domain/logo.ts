/** An organization's logo: the limits an upload must meet and where its files are served. */
export const MAX_LOGO_BYTES = 2 * 1024 * 1024;
export const MAX_LOGO_PIXELS = 25_000_000;
/** The sizes kept, in pixels: the organization page and the result cards. */
export const LOGO_SIZES = [256, 96] as const;
export type LogoSize = (typeof LOGO_SIZES)[number];

export function logoUrl(key: string | null, size: LogoSize): string | null {
  return key ? `/media/logos/${key}-${size}.webp` : null;
}
