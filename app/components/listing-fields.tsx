import type { ComponentProps } from "react";
import { FieldPicker } from "~/components/field-picker";
import { DescribedFields, type FieldSpec } from "~/components/forms";
import { useT } from "~/i18n/i18n";
import { areaOptions } from "~/domain/districts";
import { wardOptions } from "~/domain/wards";

const NAME_AND_SUMMARY: FieldSpec[] = [
  { name: "nameVi", label: "org.nameVi", lang: "vi", maxLength: 200 },
  { name: "nameEn", label: "org.nameEn", lang: "en", maxLength: 200 },
  { name: "acronym", label: "org.acronym", maxLength: 30 },
  { name: "summaryVi", label: "org.summaryVi", control: "textarea", lang: "vi", maxLength: 2000 },
  { name: "summaryEn", label: "org.summaryEn", control: "textarea", lang: "en", maxLength: 2000 },
  { name: "foundedYear", label: "org.founded", inputMode: "numeric", maxLength: 4 },
];

const ADDRESS: FieldSpec[] = [
  { name: "address", label: "org.address", hint: "org.addressHint", autoComplete: "address-line1", maxLength: 300 },
];

// Ward (since July 2025) and area (former district) are separate: 28 names are both.
const WARD_AND_AREA: FieldSpec[] = [
  { name: "ward", label: "org.ward", control: "select", options: wardOptions, none: "org.wardNone" },
  { name: "district", label: "org.district", control: "select", options: areaOptions, none: "request.districtNone" },
];

const PHONE_EMAIL_WEBSITE: FieldSpec[] = [
  { name: "phone", label: "org.phone", hint: "org.phoneHint", type: "tel", autoComplete: "tel", maxLength: 100 },
  {
    name: "email",
    label: "org.email",
    hint: "org.emailHint",
    type: "text",
    inputMode: "email",
    autoComplete: "email",
    maxLength: 254,
  },
  { name: "website", label: "org.website", type: "url", autoComplete: "url", maxLength: 500 },
];

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
  const described = { value, errors };
  return (
    <>
      <DescribedFields specs={NAME_AND_SUMMARY} {...described} />
      <fieldset className="space-y-4">
        <legend className="font-semibold">{t("org.contact")}</legend>
        <DescribedFields specs={ADDRESS} {...described} />
        <div className="grid gap-4 sm:grid-cols-2">
          <DescribedFields specs={WARD_AND_AREA} {...described} />
        </div>
        <DescribedFields specs={PHONE_EMAIL_WEBSITE} {...described} />
      </fieldset>
      <FieldPicker legend={t("profile.fields")} areas={areas} selected={selectedFields} errors={errors("fieldSlugs")} />
    </>
  );
}
