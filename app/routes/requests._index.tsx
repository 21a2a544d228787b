import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SaveSearch } from "~/components/save-search";
import { ListingSearch } from "~/components/listing-search";
import { ButtonLink } from "~/components/ui/button";
import { PageHeader } from "~/components/page";
import { RequestCard } from "~/components/request-card";
import { useT } from "~/i18n/i18n";
import { searchListingPage } from "~/models/listing-page.server";
import { openRequestCards } from "~/models/request.server";
import { getLanguage } from "~/i18n/language.server";
import { titled } from "~/utils/meta";
import { useOptionalUser } from "~/auth/user";

export const meta: MetaFunction = (args) => titled(args, (t) => t("requests.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await getLanguage(request);
  const { ids, highlights, extra, ...found } = await searchListingPage("requests", new URL(request.url), lang);
  const cards = await openRequestCards(ids);
  // Bad values are named on the page (status 400); the list shows what the rest asks for.
  return data(
    { ...found, sectors: extra, requests: cards.map((card) => ({ ...card, highlights: highlights.get(card.id) })) },
    { status: found.problems.length > 0 ? 400 : 200 },
  );
}

export default function Requests() {
  const { requests, sectors, ...found } = useLoaderData<typeof loader>();
  const t = useT();
  const user = useOptionalUser();
  return (
    <div className="space-y-4">
      <PageHeader title={t("requests.title")}>
        <ButtonLink to={user ? "/requests/new" : "/signup?type=business&redirectTo=%2Frequests%2Fnew"} size="sm">
          {t("requests.new")}
        </ButtonLink>
      </PageHeader>
      <p className="text-slate-700">{t("requests.intro")}</p>
      <ListingSearch
        list="requests"
        found={{ ...found, extra: sectors }}
        label={t("requests.searchLabel")}
        extraLegend={t("request.sector")}
        resultsText={(count) => t("requests.results", { count })}
      >
        {requests.map((request) => (
          <li key={request.id}>
            <RequestCard request={request} />
          </li>
        ))}
      </ListingSearch>
      <SaveSearch list="requests" />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
