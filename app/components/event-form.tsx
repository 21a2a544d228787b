import type { ComponentProps } from "react";
import { FieldPicker } from "~/components/field-picker";
import { ChoiceGroup, DescribedFields, type FieldSpec, type ListOfErrors } from "~/components/forms";
import { useLanguage, useT } from "~/i18n/i18n";
import { areaOptions } from "~/domain/districts";
import { wardOptions } from "~/domain/wards";
import { EVENT_FORMAT_LABELS, EVENT_FORMATS, EVENT_KIND_LABELS, EVENT_KINDS } from "~/domain/event-values";
import { MEETING_MINUTES } from "~/validation/event";

const KIND: FieldSpec[] = [
  {
    name: "kind",
    label: "event.kind",
    control: "select",
    required: true,
    options: (lang) => EVENT_KINDS.map((kind) => ({ value: kind, label: EVENT_KIND_LABELS[kind][lang] })),
    none: "form.choosePlaceholder",
  },
];
const TEXTS: FieldSpec[] = [
  { name: "titleVi", label: "event.titleVi", hint: "event.titleHint", lang: "vi", maxLength: 200 },
  { name: "titleEn", label: "event.titleEn", lang: "en", maxLength: 200 },
  { name: "descriptionVi", label: "event.descriptionVi", control: "textarea", lang: "vi", maxLength: 5000 },
  { name: "descriptionEn", label: "event.descriptionEn", control: "textarea", lang: "en", maxLength: 5000 },
];
// datetime-local: the browser's picker, its value read as Hanoi time on the server whatever the zones.
const TIMES: FieldSpec[] = [
  { name: "startsAt", label: "event.startsAt", hint: "event.timeHint", type: "datetime-local", required: true },
  { name: "endsAt", label: "event.endsAt", type: "datetime-local", required: true },
];
const PLACE: FieldSpec[] = [
  { name: "venue", label: "event.venue", hint: "event.venueHint", maxLength: 300 },
  { name: "ward", label: "org.ward", control: "select", options: wardOptions, none: "org.wardNone" },
  { name: "district", label: "org.district", control: "select", options: areaOptions, none: "request.districtNone" },
  {
    name: "onlineUrl",
    label: "event.onlineUrl",
    hint: "event.onlineUrlHint",
    type: "url",
    inputMode: "url",
    maxLength: 500,
  },
];
const SEATS: FieldSpec[] = [
  { name: "capacity", label: "event.capacity", hint: "event.capacityHint", inputMode: "numeric", maxLength: 9 },
];
const MINUTES: FieldSpec[] = [
  {
    name: "meetingMinutes",
    label: "event.meetingMinutes",
    control: "select",
    options: () => MEETING_MINUTES.map((minutes) => ({ value: minutes, label: `${minutes}′` })),
  },
];
const ORGANIZER: FieldSpec[] = [
  { name: "organizerName", label: "event.organizerName", hint: "event.organizerNameHint", maxLength: 200 },
];

/**
 * The event form's fields (new and edit): kind, titles and descriptions, times in Hanoi
 * time, format and place, fields, seats and meetings. `value` gives a field's text (what
 * was sent, else what is saved), `list` a checkbox group's choices, `errors` its messages.
 */
export function EventFormFields({
  value,
  list,
  errors,
  areas,
  cityOrganizer,
}: {
  value: (name: string) => string;
  list: (name: string) => string[];
  errors: (name: string) => ListOfErrors;
  areas: ComponentProps<typeof FieldPicker>["areas"];
  /** An official's event in the city's name: the organizer's name is asked */
  cityOrganizer: boolean;
}) {
  const t = useT();
  const lang = useLanguage();
  const described = { value, errors };
  return (
    <>
      <DescribedFields specs={KIND} {...described} />
      {cityOrganizer ? <DescribedFields specs={ORGANIZER} {...described} /> : null}
      <DescribedFields specs={TEXTS} {...described} />
      <fieldset className="space-y-4">
        <legend className="font-semibold">{t("event.section.when")}</legend>
        <DescribedFields specs={TIMES} {...described} />
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="font-semibold">{t("event.section.where")}</legend>
        <ChoiceGroup
          legend={t("event.format")}
          name="format"
          type="radio"
          options={EVENT_FORMATS.map((format) => ({ value: format, label: EVENT_FORMAT_LABELS[format][lang] }))}
          defaultValue={value("format") || "in_person"}
          errors={errors("format")}
        />
        <DescribedFields specs={PLACE} {...described} />
      </fieldset>
      <FieldPicker
        legend={t("event.fields")}
        areas={areas}
        selected={list("fieldSlugs")}
        errors={errors("fieldSlugs")}
      />
      <fieldset className="space-y-4">
        <legend className="font-semibold">{t("event.section.seats")}</legend>
        <DescribedFields specs={SEATS} {...described} />
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="meetingsOpen"
            defaultChecked={list("meetingsOpen").includes("on")}
            className="mt-0.5 size-4 shrink-0"
          />
          <span>{t("event.meetingsOpen")}</span>
        </label>
        <DescribedFields specs={MINUTES} {...described} />
      </fieldset>
    </>
  );
}
