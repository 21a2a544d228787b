import { Form, Link, useLocation } from "@remix-run/react";
import { useOptionalUser } from "~/auth/user";
import { useT } from "~/i18n/i18n";
import { FREQUENCIES, LABEL_MAX, suggestedLabel, type Frequency, type SavedList } from "~/utils/saved-search";
import { Field, FormErrors, SelectField, SubmitButton } from "./forms";

type Errors = Record<string, string[] | null> | null | undefined;

/**
 * "Save this search and get alerts" under a list (docs/decisions/068): a plain POST to
 * /me/alerts with the list's current query, a name and how often. A visitor gets a
 * sign-in link that comes back to the same search.
 */
export function SaveSearch({ list }: { list: SavedList }) {
  const t = useT();
  const user = useOptionalUser();
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  params.delete("page");
  const query = params.toString();
  if (!user) {
    const back = `${location.pathname}${query ? `?${query}` : ""}`;
    return (
      <p className="text-sm text-slate-700">
        <Link to={`/login?redirectTo=${encodeURIComponent(back)}`} className="font-medium text-brand-700 underline">
          {t("alerts.save.signIn")}
        </Link>{" "}
        {t("alerts.save.signInHint")}
      </p>
    );
  }
  // Keyed on the query: a new search starts from its own suggested name.
  return <SaveSearchForm key={query} list={list} query={query} />;
}

export function SaveSearchForm({
  list,
  query,
  open = false,
  errors,
  typed,
}: {
  list: string;
  query: string;
  open?: boolean;
  errors?: Errors;
  typed?: { label?: string; frequency?: string };
}) {
  const t = useT();
  return (
    <details open={open} className="rounded-xl border border-slate-200 bg-white p-3 text-sm" data-save-search>
      <summary className="cursor-pointer font-medium text-brand-700">{t("alerts.save.heading")}</summary>
      <Form method="post" action="/me/alerts" className="mt-3 space-y-3">
        <p className="text-slate-600">{t("alerts.save.hint")}</p>
        <FormErrors errors={errors?.[""] ?? errors?.list ?? errors?.query ?? undefined} />
        <input type="hidden" name="list" value={list} />
        <input type="hidden" name="query" value={query} />
        <Field
          label={t("alerts.save.label")}
          name="label"
          maxLength={LABEL_MAX}
          required
          defaultValue={typed?.label ?? suggestedLabel(query)}
          errors={errors?.label ?? undefined}
        />
        <FrequencySelect defaultValue={typed?.frequency} errors={errors?.frequency ?? undefined} />
        <SubmitButton name="intent" value="save">
          {t("alerts.save.submit")}
        </SubmitButton>
      </Form>
    </details>
  );
}

export function FrequencySelect({
  defaultValue,
  errors,
  label,
}: {
  defaultValue?: string;
  errors?: string[];
  label?: string;
}) {
  const t = useT();
  return (
    <SelectField
      label={label ?? t("alerts.save.frequency")}
      name="frequency"
      defaultValue={defaultValue ?? ("weekly" satisfies Frequency)}
      errors={errors}
      options={FREQUENCIES.map((frequency) => ({ value: frequency, label: t(`alerts.frequency.${frequency}`) }))}
    />
  );
}
