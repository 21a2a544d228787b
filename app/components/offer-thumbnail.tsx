import { pick, useLanguage } from "~/i18n/i18n";
import { cx } from "~/utils/misc";

export type Thumbnail = { url: string; altVi: string | null; altEn: string | null };

/** An instrument's first photo in a list, with its alt text in the page's language (else the other). */
export function OfferThumbnail({ photo, className }: { photo: Thumbnail; className?: string }) {
  const lang = useLanguage();
  return (
    <img
      src={photo.url}
      alt={pick(lang, photo.altVi, photo.altEn) ?? ""}
      width={96}
      height={72}
      loading="lazy"
      className={cx("rounded-lg border border-slate-200 object-cover", className)}
    />
  );
}
