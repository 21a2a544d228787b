import { useLanguage, useT } from "~/i18n/i18n";
import {
  countryName,
  countryOptions,
  languageName,
  languagesOf,
  WORK_LANGUAGES,
  WORK_MODE_LABELS,
  WORK_MODES,
  workModesOf,
} from "~/domain/overseas";
import { ChoiceGroup, Field, SelectField, type ListOfErrors } from "./forms";
import { Badge } from "./ui/badge";

/**
 * "Tôi đang làm việc ở nước ngoài" in the profile form (docs/decisions/076): always shown, so
 * it works without JavaScript; the server requires the rest once a country is chosen.
 */
export function OverseasSection({
  value,
  errors,
}: {
  value: { country: string; institutionAbroad: string; workModes: string[]; languages: string[] };
  errors: (name: "country" | "institutionAbroad" | "workModes" | "languages") => ListOfErrors;
}) {
  const t = useT();
  const lang = useLanguage();
  return (
    <fieldset id="overseas" className="space-y-4 rounded-lg border border-slate-200 p-3 sm:p-4">
      <legend className="px-1 text-sm font-semibold text-slate-800">{t("overseas.section")}</legend>
      <p className="text-sm text-slate-600">{t("overseas.sectionHint")}</p>
      <SelectField
        label={t("overseas.country")}
        name="country"
        defaultValue={value.country}
        errors={errors("country")}
        placeholder={t("overseas.countryNone")}
        options={countryOptions(lang)}
      />
      <Field
        label={t("overseas.institution")}
        name="institutionAbroad"
        defaultValue={value.institutionAbroad}
        errors={errors("institutionAbroad")}
        maxLength={200}
      />
      <ChoiceGroup
        legend={t("overseas.workModes")}
        name="workModes"
        defaultValue={value.workModes}
        errors={errors("workModes")}
        options={WORK_MODES.map((mode) => ({ value: mode, label: WORK_MODE_LABELS[mode][lang] }))}
      />
      <ChoiceGroup
        legend={t("overseas.languages")}
        name="languages"
        defaultValue={value.languages}
        errors={errors("languages")}
        columns={2}
        options={WORK_LANGUAGES.map((code) => ({ value: code, label: languageName(code, lang) }))}
      />
    </fieldset>
  );
}

/** "Ở nước ngoài: Nhật Bản" on an expert's card. */
export function OverseasBadge({ country }: { country: string | null }) {
  const t = useT();
  const lang = useLanguage();
  if (!country) return null;
  return <Badge tone="brand">{t("overseas.badge", { country: countryName(country, lang) })}</Badge>;
}

/** The expert page's lines: where abroad, how they work with Hanoi, in which languages. */
export function OverseasDetails({
  expert,
}: {
  expert: { country: string | null; institutionAbroad: string | null; workModes: string; languages: string };
}) {
  const t = useT();
  const lang = useLanguage();
  if (!expert.country) return null;
  const modes = workModesOf(expert.workModes);
  const languages = languagesOf(expert.languages);
  return (
    <div className="mt-3 space-y-1 rounded-lg bg-brand-50 p-3 text-sm text-slate-800" data-testid="overseas">
      <p className="font-semibold">
        {t("overseas.based")} ·{" "}
        {[countryName(expert.country, lang), expert.institutionAbroad].filter(Boolean).join(", ")}
      </p>
      {modes.length ? (
        <p>
          {t("overseas.modesHeading")}: {modes.map((mode) => WORK_MODE_LABELS[mode][lang]).join(", ")}
        </p>
      ) : null}
      {languages.length ? (
        <p>
          {t("overseas.languagesHeading")}: {languages.map((code) => languageName(code, lang)).join(", ")}
        </p>
      ) : null}
    </div>
  );
}
