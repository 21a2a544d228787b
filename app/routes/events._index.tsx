import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EventCard } from "~/components/event-card";
import { FacetGroup } from "~/components/facet-group";
import { ListSearch } from "~/components/list-search";
import { ListingResults } from "~/components/listing-search";
import { PageHeader } from "~/components/page";
import { useLanguage, useT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { getUser } from "~/auth/auth.server";
import { isOfficial } from "~/auth/permissions";
import { organizerChoices } from "~/models/event.server";
import { MAX_QUERY_LENGTH } from "~/utils/list-queries";
import { titled } from "~/utils/meta";
import { timed } from "~/utils/server-timing";
import { NO_EVENT_FILTERS, eventsSearch } from "~/utils/event-query";
import { eventsPage, hasEventFilters } from "./__events-data.server";

/** /events: upcoming events by default, past ones as the other tab, searched as the other lists. */
export const meta: MetaFunction = (args) => titled(args, (t) => t("events.title"));

export async function loader(args: LoaderFunctionArgs) {
  const lang = await getLanguage(args.request);
  const user = getUser(args);
  const [{ body, status }, mayPublish] = await Promise.all([
    timed("loader", () => eventsPage(new URL(args.request.url), lang)),
    user ? (isOfficial(user) ? true : organizerChoices(user.id).then((choices) => choices.length > 0)) : false,
  ]);
  return data({ ...body, filtered: hasEventFilters(body.query), mayPublish }, { status });
}

export default function Events() {
  const { query, results, facets, filtered, mayPublish, ...found } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLanguage();
  const groups = [
    { name: "kind", legend: t("events.facet.kind"), options: facets.kind },
    { name: "format", legend: t("events.facet.format"), options: facets.format },
    { name: "district", legend: t("events.facet.district"), options: facets.district, visible: 8 },
    { name: "field", legend: t("events.facet.field"), options: facets.field, visible: 8 },
    { name: "organizer", legend: t("events.facet.organizer"), options: facets.organizer, visible: 8 },
  ];
  return (
    <div className="space-y-4">
      <PageHeader title={t("events.title")}>
        {mayPublish ? (
          <Link to="/events/new" className="font-medium text-brand-700 underline">
            {t("events.new.link")}
          </Link>
        ) : null}
      </PageHeader>
      <p className="text-slate-700">{t("events.intro")}</p>
      <ListSearch
        action="/events"
        inputId="events-q"
        label={t("events.searchLabel")}
        placeholder={t("events.placeholder")}
        q={query.q}
        maxLength={MAX_QUERY_LENGTH}
        total={found.total}
        defaults={{ when: "upcoming" }}
        fieldParam={(field) => ["field", field.slug]}
        filtersOpen={filtered}
        controls={
          <fieldset className="flex gap-1 rounded-lg border border-slate-300 bg-white p-1">
            <legend className="sr-only">{t("events.when")}</legend>
            {(["upcoming", "past"] as const).map((when) => (
              <label
                key={when}
                className="flex min-h-10 cursor-pointer items-center rounded-md px-3 text-sm font-medium has-[:checked]:bg-brand-700 has-[:checked]:text-white has-[:focus-visible]:ring-2"
              >
                <input
                  type="radio"
                  name="when"
                  value={when}
                  defaultChecked={query.when === when}
                  key={`${when}:${query.when}`}
                  className="sr-only"
                />
                {t(`events.when.${when}`)}
              </label>
            ))}
          </fieldset>
        }
        filters={groups.map((group) => (
          <FacetGroup key={group.name} {...group} lang={lang} />
        ))}
      >
        <ListingResults
          found={{ ...found, params: query }}
          resultsText={(count) => t(query.when === "past" ? "events.results.past" : "events.results", { count })}
          removeConceptsTo={eventsSearch(query, 1)}
          noResults={{
            withoutFiltersHref: eventsSearch({ ...query, ...NO_EVENT_FILTERS }, 1),
            queryHref: (q) => eventsSearch({ ...query, q }, 1),
            fieldHref: (field) => eventsSearch({ ...query, ...NO_EVENT_FILTERS, q: "", fields: [field.slug] }, 1),
          }}
          empty={t(query.when === "past" ? "events.none.past" : "events.none.upcoming")}
          pageHref={(page) => eventsSearch(query, page)}
        >
          {results.map((event) => (
            <li key={event.id}>
              <EventCard event={event} />
            </li>
          ))}
        </ListingResults>
      </ListSearch>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
