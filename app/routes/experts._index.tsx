import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SaveSearch } from "~/components/save-search";
import { ExpertResults } from "~/components/expert-results";
import { ButtonLink } from "~/components/ui/button";
import { PageHeader } from "~/components/page";
import { useT } from "~/i18n/i18n";
import { expertsListData } from "./__experts-data.server";
import { getLanguage } from "~/i18n/language.server";
import { titled } from "~/utils/meta";
import { useOptionalUser } from "~/auth/user";

export const meta: MetaFunction = (args) => titled(args, (t) => t("experts.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await getLanguage(request);
  const found = await expertsListData(new URL(request.url), lang);
  // Bad values are named on the page (status 400); the list shows what the rest asks for.
  return data(found, { status: found.problems.length > 0 ? 400 : 200 });
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
      <ExpertResults found={found} offers={offers} experts={experts} />
      <SaveSearch list="experts" />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
