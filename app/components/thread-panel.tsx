import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { SubmitButton } from "~/components/forms";
import type { ButtonVariant } from "~/components/ui/button";
import { cx } from "~/utils/misc";

/**
 * The pieces a conversation's panels (booking, meeting, agreements) share: a step, a form
 * of its own with one button (no script needed), and a fact of a description list.
 */
export function StepButton({
  intent,
  label,
  tone = "secondary",
  fields,
}: {
  intent: string;
  label: string;
  tone?: ButtonVariant;
  /** Hidden fields sent with the step, such as the id of the item it acts on */
  fields?: Record<string, string>;
}) {
  return (
    <Form method="post">
      {fields
        ? Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)
        : null}
      <SubmitButton name="intent" value={intent} tone={tone}>
        {label}
      </SubmitButton>
    </Form>
  );
}

/**
 * One label and its value. `preLine` keeps the line breaks of text a person typed; `item`
 * is the smaller fact of one item in a panel's list, its size set by the list.
 */
export function Fact({
  label,
  children,
  preLine,
  item,
}: {
  label: string;
  children: ReactNode;
  preLine?: boolean;
  item?: boolean;
}) {
  return (
    <>
      <dt className={item ? "font-medium text-slate-700" : "text-sm font-medium text-slate-600"}>{label}</dt>
      <dd className={cx(item && "min-w-0", "break-words", preLine && "whitespace-pre-line")}>{children}</dd>
    </>
  );
}
