import type { ComponentProps } from "react";
import { FieldPicker } from "~/components/field-picker";
import { Field, SelectField, TextareaField } from "~/components/forms";
import { useLanguage, useT } from "~/i18n/i18n";
import { DISTRICTS } from "~/utils/districts";

/**
 * The facts of a listing, as the edit page and the new-listing page both ask
 * for them. `value` gives each field's current text (what was sent, else what
 * is saved); `errors` its messages.
 */
export function ListingFields({
  value,
  errors,
  areas,
  selectedFields,
}: {
  value: (name: string) => string;
  errors: (name: string) => string[] | undefined;
  areas: ComponentProps<typeof FieldPicker>["areas"];
  selectedFields: string[];
}) {
  const t = useT();
  const lang = useLanguage();
  return (
    <>
      <Field label={t("org.nameVi")} name="nameVi" lang="vi" defaultValue={value("nameVi")} errors={errors("nameVi")} maxLength={200} />
      <Field label={t("org.nameEn")} name="nameEn" lang="en" defaultValue={value("nameEn")} errors={errors("nameEn")} maxLength={200} />
      <Field label={t("org.acronym")} name="acronym" defaultValue={value("acronym")} errors={errors("acronym")} maxLength={30} />
      <TextareaField label={t("org.summaryVi")} name="summaryVi" lang="vi" defaultValue={value("summaryVi")} errors={errors("summaryVi")} maxLength={2000} />
      <TextareaField label={t("org.summaryEn")} name="summaryEn" lang="en" defaultValue={value("summaryEn")} errors={errors("summaryEn")} maxLength={2000} />
      <Field label={t("org.website")} name="website" type="url" defaultValue={value("website")} errors={errors("website")} maxLength={500} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={t("org.district")}
          name="district"
          defaultValue={value("district")}
          errors={errors("district")}
          options={[{ value: "", label: t("request.districtNone") }, ...DISTRICTS.map((district) => ({ value: district.slug, label: district[lang] }))]}
        />
        <Field label={t("org.founded")} name="foundedYear" inputMode="numeric" defaultValue={value("foundedYear")} errors={errors("foundedYear")} maxLength={4} />
      </div>
      <Field label={t("org.address")} name="address" defaultValue={value("address")} errors={errors("address")} maxLength={300} />
      <FieldPicker legend={t("profile.fields")} name="fieldSlugs" areas={areas} selected={selectedFields} errors={errors("fieldSlugs")} />
    </>
  );
}
