import type { ComponentProps } from "react";
import { FieldPicker } from "~/components/field-picker";
import { Field, SelectField, TextareaField } from "~/components/forms";
import { useLanguage, useT } from "~/i18n/i18n";
import { areaOptions } from "~/domain/districts";
import { wardOptions } from "~/domain/wards";

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
      <Field
        label={t("org.nameVi")}
        name="nameVi"
        lang="vi"
        defaultValue={value("nameVi")}
        errors={errors("nameVi")}
        maxLength={200}
      />
      <Field
        label={t("org.nameEn")}
        name="nameEn"
        lang="en"
        defaultValue={value("nameEn")}
        errors={errors("nameEn")}
        maxLength={200}
      />
      <Field
        label={t("org.acronym")}
        name="acronym"
        defaultValue={value("acronym")}
        errors={errors("acronym")}
        maxLength={30}
      />
      <TextareaField
        label={t("org.summaryVi")}
        name="summaryVi"
        lang="vi"
        defaultValue={value("summaryVi")}
        errors={errors("summaryVi")}
        maxLength={2000}
      />
      <TextareaField
        label={t("org.summaryEn")}
        name="summaryEn"
        lang="en"
        defaultValue={value("summaryEn")}
        errors={errors("summaryEn")}
        maxLength={2000}
      />
      <Field
        label={t("org.founded")}
        name="foundedYear"
        inputMode="numeric"
        defaultValue={value("foundedYear")}
        errors={errors("foundedYear")}
        maxLength={4}
      />
      <fieldset className="space-y-4">
        <legend className="font-semibold">{t("org.contact")}</legend>
        <Field
          label={t("org.address")}
          hint={t("org.addressHint")}
          name="address"
          autoComplete="address-line1"
          defaultValue={value("address")}
          errors={errors("address")}
          maxLength={300}
        />
        {/* Ward (since July 2025) and area (former district) are separate: 28 names are both. */}
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label={t("org.ward")}
            name="ward"
            defaultValue={value("ward")}
            errors={errors("ward")}
            options={[{ value: "", label: t("org.wardNone") }, ...wardOptions(lang)]}
          />
          <SelectField
            label={t("org.district")}
            name="district"
            defaultValue={value("district")}
            errors={errors("district")}
            options={[{ value: "", label: t("request.districtNone") }, ...areaOptions(lang)]}
          />
        </div>
        <Field
          label={t("org.phone")}
          hint={t("org.phoneHint")}
          name="phone"
          type="tel"
          autoComplete="tel"
          defaultValue={value("phone")}
          errors={errors("phone")}
          maxLength={100}
        />
        <Field
          label={t("org.email")}
          hint={t("org.emailHint")}
          name="email"
          type="text"
          inputMode="email"
          autoComplete="email"
          defaultValue={value("email")}
          errors={errors("email")}
          maxLength={254}
        />
        <Field
          label={t("org.website")}
          name="website"
          type="url"
          defaultValue={value("website")}
          errors={errors("website")}
          autoComplete="url"
          maxLength={500}
        />
      </fieldset>
      <FieldPicker
        legend={t("profile.fields")}
        name="fieldSlugs"
        areas={areas}
        selected={selectedFields}
        errors={errors("fieldSlugs")}
      />
    </>
  );
}
