import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SaveSearch } from "~/components/save-search";
import { ListingSearch } from "~/components/listing-search";
import { ButtonLink } from "~/components/ui/button";
import { ExpertCard } from "~/components/expert-card";
import { PageHeader } from "~/components/page";
import { useT } from "~/i18n/i18n";
import { getPublishedExpertCards } from "~/models/expert.server";
import { searchListingPage } from "~/models/listing-page.server";
import { getLanguage } from "~/i18n/language.server";
import { titled } from "~/utils/meta";
import { useOptionalUser } from "~/auth/user";

export const meta: MetaFunction = (args) => titled(args, (t) => t("experts.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await getLanguage(request);
  const { ids, highlights, extra, ...found } = await searchListingPage("experts", new URL(request.url), lang);
  const cards = await getPublishedExpertCards(ids);
  // Bad values are named on the page (status 400); the list shows what the rest asks for.
  return data(
    { ...found, offers: extra, experts: cards.map((card) => ({ ...card, highlights: highlights.get(card.id) })) },
    { status: found.problems.length > 0 ? 400 : 200 },
  );
}

export default function Experts() {
  const { experts, offers, ...found } = useLoaderData<typeof loader>();
  const t = useT();
  const user = useOptionalUser();
  return (
    <div className="space-y-4">
      <PageHeader title={t("experts.title")}>
        {!user || user.accountType === "researcher" ? (
          <ButtonLink to={user ? "/me/profile" : "/signup?type=researcher"} size="sm">
            {t("experts.cta")}
          </ButtonLink>
        ) : null}
      </PageHeader>
      <p className="text-slate-700">{t("experts.intro")}</p>
      {/* The overseas network (docs/decisions/076) */}
      <p className="text-sm">
        <Link to="/experts/overseas" className="font-medium text-brand-700 underline">
          {t("overseas.link")}
        </Link>
      </p>
      <ListingSearch
        list="experts"
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
      <SaveSearch list="experts" />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
