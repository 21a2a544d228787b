import type { ComponentProps } from "react";
import { useT } from "~/i18n/i18n";
import { ExpertCard } from "./expert-card";
import { ListingSearch } from "./listing-search";

type Found = Omit<ComponentProps<typeof ListingSearch>["found"], "extra">;

/** The experts list's search, filters and cards: on /experts and, limited to those abroad, /experts/overseas. */
export function ExpertResults({
  found,
  offers,
  experts,
  action,
}: {
  found: Found;
  offers: ComponentProps<typeof ListingSearch>["found"]["extra"];
  experts: ComponentProps<typeof ExpertCard>["expert"][];
  /** The page the form and links go to, when not /experts */
  action?: string;
}) {
  const t = useT();
  return (
    <ListingSearch
      list="experts"
      action={action}
      found={{ ...found, extra: offers }}
      label={t("experts.searchLabel")}
      placeholder={t("experts.searchPlaceholder")}
      extraLegend={t("experts.facet.offer")}
      resultsText={(count) => t("experts.results", { count })}
    >
      {experts.map((expert) => (
        <li key={expert.slug}>
          <ExpertCard expert={expert} />
        </li>
      ))}
    </ListingSearch>
  );
}
