import type { ComponentProps } from "react";
import { FieldPicker } from "~/components/field-picker";
import { ChoiceGroup, DescribedFields, type FieldSpec, type ListOfErrors } from "~/components/forms";
import { useLanguage, useT, type Language } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/messages";
import { areaOptions } from "~/domain/districts";
import { wardOptions } from "~/domain/wards";
import {
  ACCESS_MODE_LABELS,
  ACCESS_MODES,
  AUDIENCE_LABELS,
  AUDIENCES,
  EQUIPMENT_CATEGORIES,
  EQUIPMENT_CATEGORY_LABELS,
  IP_STATUS_LABELS,
  IP_STATUSES,
  OFFERED_AS,
  OFFERED_AS_LABELS,
  PRICE_MODE_LABELS,
  PRICE_MODES,
  type OfferType,
} from "~/domain/offer-values";
import type { Label } from "~/domain/vocabulary";

/** The choices of a vocabulary in the reader's language. */
const choices =
  <T extends string>(values: readonly T[], labels: Record<T, Label>) =>
  (lang: Language) =>
    values.map((value) => ({ value, label: labels[value][lang] }));

/** A required choice from a list, with an empty first choice (no silent default). */
const required = (name: string, label: MessageKey, options: (lang: Language) => { value: string; label: string }[]) =>
  ({ name, label, control: "select", required: true, options, none: "form.choosePlaceholder" }) satisfies FieldSpec;

const NAMES: FieldSpec[] = [
  { name: "nameVi", label: "offer.nameVi", hint: "offer.nameHint", lang: "vi", maxLength: 200 },
  { name: "nameEn", label: "offer.nameEn", lang: "en", maxLength: 200 },
];
const description = (type: OfferType): FieldSpec[] => [
  {
    name: "descriptionVi",
    label: "offer.descriptionVi",
    hint: `offer.descriptionHint.${type}` as MessageKey,
    control: "textarea",
    lang: "vi",
    maxLength: 3000,
  },
  { name: "descriptionEn", label: "offer.descriptionEn", control: "textarea", lang: "en", maxLength: 3000 },
];

const SERVICE: FieldSpec[] = [
  { name: "method", label: "offer.method", control: "textarea", maxLength: 2000 },
  { name: "instrument", label: "offer.instrument", maxLength: 300 },
  { name: "sampleRequirements", label: "offer.sampleRequirements", control: "textarea", maxLength: 2000 },
  { name: "turnaround", label: "offer.turnaround", hint: "offer.turnaroundHint", maxLength: 200 },
];
const PRICE_MODE: FieldSpec[] = [
  required(
    "priceMode",
    "offer.priceMode",
    choices(
      PRICE_MODES.filter((mode) => mode !== "unknown"),
      PRICE_MODE_LABELS,
    ),
  ),
];
const PRICE_RANGE: FieldSpec[] = [
  { name: "priceMinVnd", label: "offer.priceMin", hint: "offer.priceHint", inputMode: "numeric", maxLength: 16 },
  { name: "priceMaxVnd", label: "offer.priceMax", inputMode: "numeric", maxLength: 16 },
];

const EQUIPMENT: FieldSpec[] = [
  required("category", "offer.category", choices(EQUIPMENT_CATEGORIES, EQUIPMENT_CATEGORY_LABELS)),
  { name: "instrument", label: "offer.instrument", maxLength: 300 },
  { name: "make", label: "offer.make", maxLength: 100 },
  { name: "model", label: "offer.model", maxLength: 100 },
  { name: "specifications", label: "offer.specifications", control: "textarea", maxLength: 3000 },
  required("accessMode", "offer.accessMode", choices(ACCESS_MODES, ACCESS_MODE_LABELS)),
  { name: "conditions", label: "offer.conditions", control: "textarea", maxLength: 2000 },
  { name: "building", label: "offer.building", maxLength: 200 },
  { name: "ward", label: "org.ward", control: "select", options: wardOptions, none: "org.wardNone" },
  { name: "district", label: "org.district", control: "select", options: areaOptions, none: "request.districtNone" },
];

const TECHNOLOGY: FieldSpec[] = [
  { name: "applications", label: "offer.applications", control: "textarea", maxLength: 3000 },
  required("trl", "offer.trl", () =>
    ["1", "2", "3", "4", "5", "6", "7", "8", "9"].map((value) => ({ value, label: `TRL ${value}` })),
  ),
  required("ipStatus", "offer.ipStatus", choices(IP_STATUSES, IP_STATUS_LABELS)),
  { name: "ipNumber", label: "offer.ipNumber", maxLength: 50 },
];
const TRANSFER: FieldSpec[] = [{ name: "transferredTo", label: "offer.transferredTo", maxLength: 200 }];
const INVENTORS: FieldSpec[] = [
  { name: "inventors", label: "offer.inventors", hint: "offer.inventorsHint", control: "textarea", maxLength: 1200 },
];

/**
 * One form for the three types of offer: names, description and fields, then the
 * section of its type. `value` gives a field's text (what was sent, else what is
 * saved), `list` a checkbox group's choices, `errors` a field's messages.
 */
export function OfferFormFields({
  type,
  value,
  list,
  errors,
  areas,
}: {
  type: OfferType;
  value: (name: string) => string;
  list: (name: string) => string[];
  errors: (name: string) => ListOfErrors;
  areas: ComponentProps<typeof FieldPicker>["areas"];
}) {
  const t = useT();
  const lang = useLanguage();
  const described = { value, errors };
  const group = (name: string, legend: MessageKey, options: { value: string; label: string }[]) => (
    <ChoiceGroup
      legend={t(legend)}
      name={name}
      options={options}
      defaultValue={list(name)}
      errors={errors(name)}
      columns={2}
    />
  );
  return (
    <>
      <input type="hidden" name="type" value={type} />
      <DescribedFields specs={NAMES} {...described} />
      <DescribedFields specs={description(type)} {...described} />
      <fieldset className="space-y-4">
        <legend className="font-semibold">{t(`offer.section.${type}`)}</legend>
        {type === "service" ? (
          <>
            <DescribedFields specs={SERVICE} {...described} />
            {group("audience", "offer.audience", choices(AUDIENCES, AUDIENCE_LABELS)(lang))}
            <DescribedFields specs={PRICE_MODE} {...described} />
            <div className="grid gap-4 sm:grid-cols-2">
              <DescribedFields specs={PRICE_RANGE} {...described} />
            </div>
            {group("freeFor", "offer.freeFor", choices(AUDIENCES, AUDIENCE_LABELS)(lang))}
          </>
        ) : null}
        {type === "equipment" ? <DescribedFields specs={EQUIPMENT} {...described} /> : null}
        {type === "technology" ? (
          <>
            <DescribedFields specs={TECHNOLOGY} {...described} />
            {group("offeredAs", "offer.offeredAs", choices(OFFERED_AS, OFFERED_AS_LABELS)(lang))}
            <label className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                name="transferred"
                defaultChecked={list("transferred").includes("on")}
                className="mt-0.5 size-4 shrink-0"
              />
              <span>{t("offer.transferred")}</span>
            </label>
            <DescribedFields specs={TRANSFER} {...described} />
            <DescribedFields specs={INVENTORS} {...described} />
          </>
        ) : null}
      </fieldset>
      <FieldPicker
        legend={t("offer.fields")}
        areas={areas}
        selected={list("fieldSlugs")}
        errors={errors("fieldSlugs")}
      />
    </>
  );
}

/** What a refused form sent, for putting every typed value back (undefined: nothing sent). */
export function sentValues(result: { initialValue?: unknown } | undefined) {
  const sent = (result?.initialValue ?? null) as Record<string, unknown> | null;
  return {
    text: (name: string) => (sent && typeof sent[name] === "string" ? (sent[name] as string) : undefined),
    list: (name: string) => (sent ? ([] as unknown[]).concat(sent[name] ?? []).map(String) : undefined),
  };
}
