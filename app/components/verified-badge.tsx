import { useT } from "~/i18n/i18n";
import { Badge } from "./ui/badge";

export function VerifiedBadge() {
  const t = useT();
  return (
    <Badge tone="success" title={t("org.verifiedHint")}>
      <svg aria-hidden viewBox="0 0 20 20" className="size-3.5 fill-current">
        <path d="M10 1.5 12.3 3.3l2.9-.3.9 2.8 2.5 1.5-1 2.7 1 2.7-2.5 1.5-.9 2.8-2.9-.3L10 18.5l-2.3-1.8-2.9.3-.9-2.8L1.4 12.7l1-2.7-1-2.7 2.5-1.5.9-2.8 2.9.3L10 1.5Zm3.6 6.2-1.1-1.1-3.6 3.7-1.5-1.5-1.1 1.1 2.6 2.6 4.7-4.8Z" />
      </svg>
      {t("org.verified")}
    </Badge>
  );
}
