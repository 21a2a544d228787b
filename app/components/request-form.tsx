import { ChoiceGroup, DescribedFields, SelectField, type FieldSpec, type ListOfErrors } from "~/components/forms";
import { FieldPicker, type PickerArea } from "~/components/field-picker";
import { pick, useLanguage, useT } from "~/i18n/i18n";
import { areaOptions } from "~/domain/districts";
import { wardOptions } from "~/domain/wards";
import {
  BUDGET_LABELS,
  BUDGETS,
  COMPANY_SIZE_LABELS,
  COMPANY_SIZES,
  REQUESTER_TYPES,
  SECTOR_LABELS,
  SECTORS,
  TRL_LABELS,
} from "~/domain/request-values";

export type RequestFieldName =
  | "title"
  | "problem"
  | "desiredOutcome"
  | "fieldSlugs"
  | "trl"
  | "budget"
  | "deadline"
  | "companyName"
  | "organizationSlug"
  | "sector"
  | "companySize"
  | "requesterType"
  | "district"
  | "ward"
  | "visibility"
  | "confidential";

const PROBLEM: FieldSpec<RequestFieldName>[] = [
  { name: "title", label: "request.titleField", minLength: 10, maxLength: 150, required: true },
  { name: "problem", label: "request.problem", control: "textarea", minLength: 30, maxLength: 5000, required: true },
  {
    name: "desiredOutcome",
    label: "request.desiredOutcome",
    control: "textarea",
    minLength: 20,
    maxLength: 3000,
    required: true,
  },
];

// Read only by the author and shortlisted researchers who accepted the terms (docs/decisions/064).
const CONFIDENTIAL: FieldSpec<RequestFieldName>[] = [
  {
    name: "confidential",
    label: "confidential.label",
    hint: "confidential.hint",
    control: "textarea",
    maxLength: 5000,
  },
];

const TERMS: FieldSpec<RequestFieldName>[] = [
  {
    name: "trl",
    label: "request.trl",
    control: "select",
    fallback: "5",
    options: (lang) => Object.entries(TRL_LABELS).map(([trl, label]) => ({ value: trl, label: label[lang] })),
  },
  {
    name: "budget",
    label: "request.budget",
    control: "select",
    fallback: "to_discuss",
    options: (lang) => BUDGETS.map((budget) => ({ value: budget, label: BUDGET_LABELS[budget][lang] })),
  },
  { name: "deadline", label: "request.deadline", type: "date", required: true },
];

const COMPANY_NAME: FieldSpec<RequestFieldName>[] = [
  { name: "companyName", label: "requester.name", maxLength: 150, required: true },
];

const COMPANY_FACTS: FieldSpec<RequestFieldName>[] = [
  {
    name: "sector",
    label: "request.sector",
    control: "select",
    // No default: the person picks (the server refuses the empty choice).
    none: "form.choosePlaceholder",
    required: true,
    options: (lang) => SECTORS.map((sector) => ({ value: sector, label: SECTOR_LABELS[sector][lang] })),
  },
  {
    name: "companySize",
    label: "request.companySize",
    // Not asked of a public agency: the server drops it for one.
    hint: "requester.sizeHint",
    control: "select",
    fallback: "small",
    options: (lang) => COMPANY_SIZES.map((size) => ({ value: size, label: COMPANY_SIZE_LABELS[size][lang] })),
  },
  {
    name: "district",
    label: "request.district",
    control: "select",
    options: areaOptions,
    none: "request.districtNone",
  },
];

// Shown only while the request names its company: a ward narrows an anonymous one down.
const WARD: FieldSpec<RequestFieldName>[] = [
  { name: "ward", label: "request.ward", control: "select", options: wardOptions, none: "request.districtNone" },
];

/**
 * The fields of a technology request, shared by the new request form and the
 * author's edit form. `value` gives what was typed (after a refusal) or the
 * starting value; `errors` the message(s) of a field.
 */
export function RequestFormFields({
  areas,
  managed,
  value,
  selectedFields,
  errors,
}: {
  areas: PickerArea[];
  managed: { slug: string; nameVi: string | null; nameEn: string | null }[];
  value: (name: RequestFieldName, fallback?: string) => string;
  selectedFields: string[] | string;
  errors: (name: RequestFieldName) => ListOfErrors;
}) {
  const t = useT();
  const lang = useLanguage();
  const described = { value, errors };
  return (
    <>
      <DescribedFields specs={PROBLEM} {...described} />
      <DescribedFields specs={CONFIDENTIAL} {...described} />
      <FieldPicker legend={t("request.fields")} areas={areas} selected={selectedFields} errors={errors("fieldSlugs")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <DescribedFields specs={TERMS} {...described} />
      </div>
      <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-800">{t("requester.section")}</legend>
        <Radios
          name="requesterType"
          legend={t("requester.legend")}
          {...described}
          options={REQUESTER_TYPES.map((type) => ({ value: type, label: t(`requester.${type}`) }))}
        />
        <DescribedFields specs={COMPANY_NAME} {...described} />
        {managed.length > 0 ? (
          <SelectField
            label={t("request.organization")}
            name="organizationSlug"
            defaultValue={value("organizationSlug")}
            errors={errors("organizationSlug")}
            options={[
              { value: "", label: t("request.organizationNone") },
              ...managed.map((org) => ({ value: org.slug, label: pick(lang, org.nameVi, org.nameEn) })),
            ]}
          />
        ) : null}
        <div className="grid gap-4 sm:grid-cols-3">
          <DescribedFields specs={COMPANY_FACTS} {...described} />
        </div>
        <DescribedFields specs={WARD} {...described} />
        <Radios
          name="visibility"
          legend={t("request.visibility")}
          {...described}
          options={[
            { value: "public", label: t("request.visibility.public") },
            { value: "anonymous", label: t("request.visibility.anonymous") },
          ]}
        />
      </fieldset>
    </>
  );
}

/** One choice among a few, as radios; the first option is the default. */
function Radios({
  name,
  legend,
  options,
  value,
  errors,
}: {
  name: RequestFieldName;
  legend: string;
  options: { value: string; label: string }[];
  value: (name: RequestFieldName, fallback?: string) => string;
  errors: (name: RequestFieldName) => ListOfErrors;
}) {
  return (
    <ChoiceGroup
      legend={legend}
      name={name}
      type="radio"
      defaultValue={value(name, options[0]?.value)}
      errors={errors(name)}
      options={options}
    />
  );
}
