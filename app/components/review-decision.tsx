import { useT } from "~/i18n/i18n";
import { SubmitButton, TextareaField, type ListOfErrors } from "./forms";

/**
 * The reviewer's reason and the approve / reject buttons (intent "approve" or "reject"),
 * inside a review form (claims, requests, the review queue, a request's page).
 */
export function ReviewDecision({ errors }: { errors: ListOfErrors }) {
  const t = useT();
  return (
    <>
      <TextareaField label={t("admin.reason")} name="note" maxLength={1000} errors={errors} />
      <div className="flex gap-2">
        <SubmitButton name="intent" value="approve">
          {t("admin.approve")}
        </SubmitButton>
        <SubmitButton name="intent" value="reject" tone="danger">
          {t("admin.reject")}
        </SubmitButton>
      </div>
    </>
  );
}
