import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/i18n/i18n";
import { FormErrors, IntentButtons, TextareaField, type ListOfErrors } from "./forms";
import { PageHeader } from "./page";
import { Notice } from "./ui/notice";

/**
 * The reviewer's reason and the approve / reject buttons (intent "approve" or "reject"),
 * inside a review form (claims, requests, the review queue, a request's page).
 */
export function ReviewDecision({ errors }: { errors: ListOfErrors }) {
  const t = useT();
  return (
    <>
      <TextareaField label={t("admin.reason")} name="note" maxLength={1000} errors={errors} />
      <IntentButtons
        className="flex gap-2"
        choices={[
          { intent: "approve", label: t("admin.approve") },
          { intent: "reject", label: t("admin.reject"), tone: "danger" },
        ]}
      />
    </>
  );
}

/** What a review page's action answered: the item reviewed, Conform's reply and the page's error. */
export type ReviewAnswer = {
  id: string;
  result: { error?: Record<string, ListOfErrors> | null };
  error: string | null;
};

/**
 * A page of items waiting for review (/admin/claims, /admin/requests): the outcome of the last
 * review, then each item as `children` shows it, with its review form (field `field` names it).
 */
export function ReviewPage<T extends { id: string }>({
  title,
  empty,
  items,
  field,
  answer,
  itemAttributes,
  children,
}: {
  title: string;
  empty: string;
  items: T[];
  field: string;
  answer: ReviewAnswer | undefined;
  itemAttributes?: (item: T) => Record<`data-${string}`, string>;
  children: (item: T) => ReactNode;
}) {
  const t = useT();
  return (
    <div className="space-y-4">
      <PageHeader title={title} />
      {answer && !answer.error && !answer.result.error ? <Notice>{t("review.done")}</Notice> : null}
      {answer?.error ? <FormErrors errors={[answer.error]} /> : null}
      {items.length === 0 ? <p>{empty}</p> : null}
      <ul className="space-y-4">
        {items.map((item) => (
          <li key={item.id} className="rounded-2xl border border-slate-200 bg-white p-5" {...itemAttributes?.(item)}>
            {children(item)}
            <Form method="post" className="mt-3 space-y-2">
              <input type="hidden" name={field} value={item.id} />
              <ReviewDecision errors={answer?.id === item.id ? answer.result.error?.note : undefined} />
            </Form>
          </li>
        ))}
      </ul>
    </div>
  );
}
