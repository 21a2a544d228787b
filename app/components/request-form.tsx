import { ChoiceGroup, Field, SelectField, TextareaField, type ListOfErrors } from "~/components/forms";
import { FieldPicker, type PickerArea } from "~/components/field-picker";
import { pick, useLanguage, useT } from "~/i18n/i18n";
import { areaOptions } from "~/domain/districts";
import { wardOptions } from "~/domain/wards";
import {
  BUDGET_LABELS,
  BUDGETS,
  COMPANY_SIZE_LABELS,
  COMPANY_SIZES,
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
  | "district"
  | "ward"
  | "visibility";

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
  return (
    <>
      <Field
        label={t("request.titleField")}
        name="title"
        defaultValue={value("title")}
        errors={errors("title")}
        minLength={10}
        maxLength={150}
        required
      />
      <TextareaField
        label={t("request.problem")}
        name="problem"
        defaultValue={value("problem")}
        errors={errors("problem")}
        minLength={30}
        maxLength={5000}
        required
      />
      <TextareaField
        label={t("request.desiredOutcome")}
        name="desiredOutcome"
        defaultValue={value("desiredOutcome")}
        errors={errors("desiredOutcome")}
        minLength={20}
        maxLength={3000}
        required
      />
      <FieldPicker
        legend={t("request.fields")}
        name="fieldSlugs"
        areas={areas}
        selected={selectedFields}
        errors={errors("fieldSlugs")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={t("request.trl")}
          name="trl"
          defaultValue={value("trl", "5")}
          errors={errors("trl")}
          options={Object.entries(TRL_LABELS).map(([trl, label]) => ({ value: trl, label: label[lang] }))}
        />
        <SelectField
          label={t("request.budget")}
          name="budget"
          defaultValue={value("budget", "to_discuss")}
          errors={errors("budget")}
          options={BUDGETS.map((budget) => ({ value: budget, label: BUDGET_LABELS[budget][lang] }))}
        />
        <Field
          label={t("request.deadline")}
          name="deadline"
          type="date"
          defaultValue={value("deadline")}
          errors={errors("deadline")}
          required
        />
      </div>
      <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-800">{t("request.companySection")}</legend>
        <Field
          label={t("request.companyName")}
          name="companyName"
          defaultValue={value("companyName")}
          errors={errors("companyName")}
          maxLength={150}
          required
        />
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
          <SelectField
            label={t("request.sector")}
            name="sector"
            defaultValue={value("sector")}
            placeholder={t("form.choosePlaceholder")}
            required
            errors={errors("sector")}
            options={SECTORS.map((sector) => ({ value: sector, label: SECTOR_LABELS[sector][lang] }))}
          />
          <SelectField
            label={t("request.companySize")}
            name="companySize"
            defaultValue={value("companySize", "small")}
            errors={errors("companySize")}
            options={COMPANY_SIZES.map((size) => ({ value: size, label: COMPANY_SIZE_LABELS[size][lang] }))}
          />
          <SelectField
            label={t("request.district")}
            name="district"
            defaultValue={value("district")}
            errors={errors("district")}
            options={[{ value: "", label: t("request.districtNone") }, ...areaOptions(lang)]}
          />
        </div>
        {/* Shown only while the request names its company: a ward narrows an anonymous one down. */}
        <SelectField
          label={t("request.ward")}
          name="ward"
          defaultValue={value("ward")}
          errors={errors("ward")}
          options={[{ value: "", label: t("request.districtNone") }, ...wardOptions(lang)]}
        />
        <ChoiceGroup
          legend={t("request.visibility")}
          name="visibility"
          type="radio"
          defaultValue={value("visibility", "public")}
          errors={errors("visibility")}
          options={[
            { value: "public", label: t("request.visibility.public") },
            { value: "anonymous", label: t("request.visibility.anonymous") },
          ]}
        />
      </fieldset>
    </>
  );
}
