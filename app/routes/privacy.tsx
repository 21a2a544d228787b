import type { MetaFunction } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { LegalPage } from "~/components/legal-page";
import { titled } from "~/utils/meta";

export const meta: MetaFunction = (args) =>
  titled(args, (t) => t("privacy.title"), { description: (t) => t("privacy.metaDescription") });

/** What the portal stores and why: a draft for the operator's legal review (the page says so). */
export default function Privacy() {
  return (
    <LegalPage
      title="privacy.title"
      sections={[
        {
          title: "privacy.stores.title",
          body: [
            "privacy.stores.account",
            "privacy.stores.sessions",
            "privacy.stores.content",
            "privacy.stores.mail",
            "privacy.stores.cookies",
            "privacy.stores.addresses",
          ],
        },
        { title: "privacy.public.title", body: ["privacy.public.body"] },
        { title: "privacy.rights.title", body: ["privacy.rights.body"] },
      ]}
    />
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
