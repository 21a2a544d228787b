import { Form, useNavigation } from "@remix-run/react";
import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { useLanguage, useT, type Language } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/messages";
import { cx } from "~/utils/misc";
import { Button, type ButtonVariant } from "./ui/button";
import { parseProblem } from "~/validation/messages";

/**
 * Form fields with a label, a hint and their errors, wired for assistive
 * technology (aria-invalid, aria-describedby). Errors arrive as message keys
 * and are shown in the reader's language.
 */
export type ListOfErrors = (string | null | undefined)[] | null | undefined;

export function ErrorList({ id, errors }: { id?: string; errors?: ListOfErrors }) {
  const t = useT();
  const shown = (errors ?? []).filter(Boolean) as string[];
  if (shown.length === 0) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-sm text-red-700">
      {shown.map((error) => {
        const { key, params } = parseProblem(error);
        return <li key={error}>{t(key as MessageKey, params)}</li>;
      })}
    </ul>
  );
}

const controlClass =
  "mt-1 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600";

type FieldProps = { label: string; hint?: string; errors?: ListOfErrors; className?: string };

function useDescribedBy(hint: string | undefined, errors: ListOfErrors) {
  // React's ids (":r1:") are not valid HTML ids (they must begin with a letter).
  const base = `f${useId().replace(/[^A-Za-z0-9_-]/g, "")}`;
  const hintId = hint ? `${base}-hint` : undefined;
  const errorId = errors?.some(Boolean) ? `${base}-errors` : undefined;
  return { base, hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(" ") || undefined };
}

/** The label above a control, then its hint and its errors. */
function LabelledControl({
  id,
  label,
  className,
  hint,
  hintId,
  errors,
  errorId,
  children,
}: FieldProps & { id: string; hintId?: string; errorId?: string; children: ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={hintId} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

export function Field({
  label,
  hint,
  errors,
  className,
  ...input
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const { base, hintId, errorId, describedBy } = useDescribedBy(hint, errors);
  const id = input.id ?? base;
  return (
    <LabelledControl {...{ id, label, className, hint, hintId, errors, errorId }}>
      <input
        type="text"
        {...input}
        id={id}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy}
        className={controlClass}
      />
    </LabelledControl>
  );
}

export function TextareaField({
  label,
  hint,
  errors,
  className,
  ...textarea
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { base, hintId, errorId, describedBy } = useDescribedBy(hint, errors);
  const id = textarea.id ?? base;
  return (
    <LabelledControl {...{ id, label, className, hint, hintId, errors, errorId }}>
      <textarea
        {...textarea}
        id={id}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy}
        className={cx(controlClass, "min-h-28")}
      />
    </LabelledControl>
  );
}

export function SelectField({
  label,
  hint,
  errors,
  className,
  options,
  placeholder,
  ...select
}: FieldProps &
  SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[]; placeholder?: string }) {
  const { base, hintId, errorId, describedBy } = useDescribedBy(hint, errors);
  const id = select.id ?? base;
  return (
    <LabelledControl {...{ id, label, className, hint, hintId, errors, errorId }}>
      <select
        {...select}
        id={id}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy}
        className={controlClass}
      >
        {/* No silent default: the person picks (the server refuses the empty choice). */}
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </LabelledControl>
  );
}

type Option = { value: string; label: string };

/** The constraint attributes a described field may carry (the server checks the same). */
type Constraints = Pick<
  InputHTMLAttributes<HTMLInputElement>,
  "type" | "lang" | "inputMode" | "autoComplete" | "minLength" | "maxLength" | "required"
>;

/**
 * A field described by data: its name, label and hint (message keys), its control and
 * its constraints. `fallback` is the starting value when nothing was typed or saved;
 * a select's `none` is the label of its empty first choice.
 */
export type FieldSpec<Name extends string = string> = Constraints & {
  name: Name;
  label: MessageKey;
  hint?: MessageKey;
  fallback?: string;
} & (
    { control?: "input" | "textarea" } | { control: "select"; options: (lang: Language) => Option[]; none?: MessageKey }
  );

/** The fields `specs` describe, in order, each with its value and its errors. */
export function DescribedFields<Name extends string>({
  specs,
  value,
  errors,
}: {
  specs: readonly FieldSpec<Name>[];
  value: (name: Name, fallback?: string) => string;
  errors: (name: Name) => ListOfErrors;
}) {
  const t = useT();
  const lang = useLanguage();
  return specs.map((spec) => {
    const { name, label, hint, fallback, ...rest } = spec;
    const common = {
      name,
      label: t(label),
      hint: hint ? t(hint) : undefined,
      defaultValue: value(name, fallback),
      errors: errors(name),
    };
    if (rest.control === "select") {
      const { control: _control, options, none, ...constraints } = rest;
      const placeholder = none ? t(none) : undefined;
      return <SelectField key={name} {...common} {...constraints} options={options(lang)} placeholder={placeholder} />;
    }
    const { control, ...constraints } = rest;
    if (control === "textarea") return <TextareaField key={name} {...common} {...constraints} />;
    return <Field key={name} {...common} {...constraints} />;
  });
}

/**
 * The props of a list's filter selects (a GET form): id, name and current value from
 * the URL's `values`, and "any" as the empty first choice.
 */
export function useFilterSelect<Name extends string>(values: Record<Name, string>, idPrefix = "") {
  const t = useT();
  return (name: Name) => ({ id: `${idPrefix}${name}`, name, defaultValue: values[name], placeholder: t("audit.any") });
}

/** A group of checkboxes (or radios) sharing one name. */
export function ChoiceGroup({
  legend,
  name,
  type = "checkbox",
  options,
  defaultValue,
  hint,
  errors,
  columns = 1,
}: {
  legend: string;
  name: string;
  type?: "checkbox" | "radio";
  options: { value: string; label: ReactNode }[];
  defaultValue?: string | string[] | null;
  hint?: string;
  errors?: ListOfErrors;
  columns?: 1 | 2 | 3;
}) {
  const { base, hintId, errorId, describedBy } = useDescribedBy(hint, errors);
  const selected = new Set(Array.isArray(defaultValue) ? defaultValue : defaultValue ? [defaultValue] : []);
  return (
    <fieldset aria-describedby={describedBy}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {hint ? (
        <p id={hintId} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <div
        className={cx(
          "mt-2 grid gap-x-4 gap-y-1.5",
          columns === 2 && "sm:grid-cols-2",
          columns === 3 && "sm:grid-cols-3",
        )}
      >
        {options.map((option) => (
          <label key={option.value} className="flex items-start gap-2 text-sm">
            <input
              id={`${base}-${option.value}`}
              type={type}
              name={name}
              value={option.value}
              defaultChecked={selected.has(option.value)}
              aria-invalid={errorId ? true : undefined}
              className="mt-0.5 size-4 shrink-0"
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      <ErrorList id={errorId} errors={errors} />
    </fieldset>
  );
}

/** Submit button that shows progress and refuses a second click while its form is being sent. */
export function SubmitButton({
  children,
  name,
  value,
  className,
  tone = "primary",
}: {
  children: ReactNode;
  name?: string;
  value?: string;
  className?: string;
  tone?: ButtonVariant;
}) {
  const navigation = useNavigation();
  const t = useT();
  const pending = navigation.state === "submitting" && (name === undefined || navigation.formData?.get(name) === value);
  return (
    <Button
      type="submit"
      name={name}
      value={value}
      disabled={pending}
      aria-disabled={pending || undefined}
      variant={tone}
      className={className}
    >
      {pending ? t("form.sending") : children}
    </Button>
  );
}

/** The buttons of one form that each send it with another intent (approve / reject, publish / save). */
export function IntentButtons({
  choices,
  className = "flex flex-wrap gap-2",
}: {
  choices: { intent: string; label: string; tone?: ButtonVariant }[];
  className?: string;
}) {
  return (
    <div className={className}>
      {choices.map(({ intent, label, tone }) => (
        <SubmitButton key={intent} name="intent" value={intent} tone={tone}>
          {label}
        </SubmitButton>
      ))}
    </div>
  );
}

/** A form of its own for one action: what it is about (`children`), then its button. */
export function IntentForm({
  intent,
  label,
  tone = "secondary",
  className,
  children,
}: {
  intent: string;
  label: string;
  tone?: ButtonVariant;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Form method="post" className={className}>
      {children}
      <SubmitButton name="intent" value={intent} tone={tone}>
        {label}
      </SubmitButton>
    </Form>
  );
}

/** The honeypot: hidden from people and assistive technology, filled by bots. */
export function HoneypotField() {
  return (
    <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
      <label>
        Website confirm
        <input type="text" name="website_confirm" tabIndex={-1} autoComplete="off" defaultValue="" />
      </label>
    </div>
  );
}

/**
 * The form's own errors. `reply` is the server's last answer to this form: validating a
 * field on blur recomputes the form's errors without the server's ("wrong password"), and
 * the box vanishing would move the submit button from under the pointer. The server's
 * errors stay until the next submission instead.
 */
export function FormErrors({
  errors,
  reply,
}: {
  errors?: ListOfErrors;
  reply?: { error?: Record<string, ListOfErrors> | null } | null;
}) {
  const shown = errors?.some(Boolean) ? errors : reply?.error?.[""];
  if (!shown?.some(Boolean)) return null;
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 px-4 py-3">
      <ErrorList errors={shown} />
    </div>
  );
}
