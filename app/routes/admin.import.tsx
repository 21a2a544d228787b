import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ImportPage } from "~/components/import-page";
import { useT } from "~/i18n/i18n";
import { applyImport } from "~/models/import/apply.server";
import { IMPORT_COLUMNS, MAX_IMPORT_BYTES } from "~/models/import/columns";
import { parseImportFile } from "~/models/import/parse";
import { planImport } from "~/models/import/plan.server";
import type { ImportResult } from "~/models/import/report";
import type { BodyLimitHandle } from "~/server/body-limits.server";
import { requirePermission } from "~/auth/auth.server";
import { titled } from "~/utils/meta";
import { importAction } from "./__import.server";

// The import routes take a large body (server/body-limits.server.ts): others get 256 KiB.
export const handle: BodyLimitHandle = { maxBodyBytes: MAX_IMPORT_BYTES };

export const meta: MetaFunction = (args) => titled(args, (t) => t("import.title"));

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "organization:import");
  return null;
}

export function action(args: ActionFunctionArgs) {
  return importAction(args, {
    scope: "organizations",
    permission: "organization:import",
    parse: (name, input) => parseImportFile(name, input),
    plan: (rows) => planImport(rows),
    apply: applyImport,
  });
}

export default function Import() {
  const t = useT();
  const result = useActionData<typeof action>() as ImportResult | undefined;
  return (
    <ImportPage
      title={t("import.title")}
      intro={t("import.intro")}
      columns={IMPORT_COLUMNS}
      rowHeading="slug"
      applied={(counts) => t("import.applied", counts)}
      result={result}
    >
      <p>
        <Link to="/admin/import/offers" className="text-brand-700 underline">
          {t("offerImport.link")}
        </Link>
      </p>
      <section aria-labelledby="export" className="rounded-2xl border border-slate-200 bg-white p-5">
        <h2 id="export" className="text-lg font-semibold">
          {t("import.export")}
        </h2>
        <p className="text-sm text-slate-700">{t("import.exportIntro")}</p>
        <p className="mt-2 flex gap-4">
          <a className="text-brand-700 underline" href="/export/organizations.csv" download>
            CSV
          </a>
          <a className="text-brand-700 underline" href="/export/organizations.json" download>
            JSON
          </a>
        </p>
      </section>
    </ImportPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
