import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ImportPage } from "~/components/import-page";
import { useT } from "~/i18n/i18n";
import { MAX_IMPORT_BYTES } from "~/models/import/columns";
import { OFFER_IMPORT_COLUMNS } from "~/models/import/offer-columns";
import { applyOfferImport } from "~/models/import/offer-apply.server";
import { parseOfferFile, planOfferImport } from "~/models/import/offer-plan.server";
import type { ImportResult } from "~/models/import/report";
import type { BodyLimitHandle } from "~/server/body-limits.server";
import { requirePermission } from "~/auth/auth.server";
import { titled } from "~/utils/meta";
import { importAction } from "./__import.server";

/** Offers in bulk (services, equipment, technologies): the listings' import, with the offer form's rules. */
export const handle: BodyLimitHandle = { maxBodyBytes: MAX_IMPORT_BYTES };

export const meta: MetaFunction = (args) => titled(args, (t) => t("offerImport.title"));

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "offer:import");
  return null;
}

export function action(args: ActionFunctionArgs) {
  return importAction(args, {
    scope: "offers",
    permission: "offer:import",
    parse: parseOfferFile,
    plan: planOfferImport,
    apply: applyOfferImport,
  });
}

export default function OfferImport() {
  const t = useT();
  const result = useActionData<typeof action>() as ImportResult | undefined;
  return (
    <ImportPage
      title={t("offerImport.title")}
      intro={t("offerImport.intro")}
      columns={OFFER_IMPORT_COLUMNS}
      rowHeading={t("offerImport.row")}
      applied={(counts) => t("offerImport.applied", counts)}
      result={result}
    >
      <p>
        <Link to="/admin/import" className="text-brand-700 underline">
          {t("offerImport.back")}
        </Link>
      </p>
    </ImportPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
