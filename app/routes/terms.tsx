import type { MetaFunction } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { LegalPage } from "~/components/legal-page";
import { titled } from "~/utils/meta";

export const meta: MetaFunction = (args) =>
  titled(args, (t) => t("terms.title"), { description: (t) => t("terms.metaDescription") });

/** The terms of use: a draft for the operator's legal review (the page says so). */
export default function Terms() {
  return (
    <LegalPage
      title="terms.title"
      sections={[
        { title: "terms.use.title", body: ["terms.use.body"] },
        { title: "terms.content.title", body: ["terms.content.body"] },
        { title: "terms.data.title", body: ["terms.data.body"] },
        { title: "terms.liability.title", body: ["terms.liability.body"] },
      ]}
    />
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
