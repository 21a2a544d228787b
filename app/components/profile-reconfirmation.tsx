import { Form } from "@remix-run/react";
import { SubmitButton } from "~/components/forms";
import { Notice } from "~/components/ui/notice";
import { useT } from "~/i18n/i18n";

/**
 * The yearly "the profile is still accurate" (docs/decisions/071) on /me/profile:
 * a warning when the profile is stale or hidden, and the button, for a published profile.
 */
export function ProfileReconfirmation({
  status,
  stale,
  hidden,
  confirmed,
}: {
  status: string;
  stale: boolean;
  hidden: boolean;
  confirmed: boolean;
}) {
  const t = useT();
  if (status !== "published") return null;
  return (
    <section id="confirm-profile" aria-labelledby="confirm-profile-heading" className="mb-5 space-y-3">
      <h2 id="confirm-profile-heading" className="sr-only">
        {t("profileConfirm.heading")}
      </h2>
      {confirmed ? <Notice>{t("profileConfirm.done")}</Notice> : null}
      {hidden || stale ? (
        <Notice tone="warning">{t(hidden ? "profileConfirm.hidden" : "profileConfirm.stale")}</Notice>
      ) : null}
      <Form method="post" action="/me/profile/confirm" className="flex flex-wrap items-center gap-3">
        {hidden || stale ? null : <p className="text-sm text-slate-600">{t("profileConfirm.intro")}</p>}
        <SubmitButton tone={hidden || stale ? "primary" : "secondary"}>{t("profileConfirm.button")}</SubmitButton>
      </Form>
    </section>
  );
}
