import { pick, useT, type Language } from "~/i18n/i18n";
import type { Figure } from "~/domain/indicators";
import { FIGURE_PILLARS } from "~/components/charts/indicator-charts";

/**
 * What each figure counts and leaves out (docs/decisions/075), shown on the page and in
 * the printed report, in the order of the summary.
 */
export function IndicatorDefinitions({
  figures,
  heading = "h2",
}: {
  figures: readonly Figure[];
  heading?: "h2" | "h3";
}) {
  const t = useT();
  const Heading = heading;
  return (
    <section aria-labelledby="definitions-title" className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-5">
      <Heading id="definitions-title" className="text-lg font-semibold">
        {t("indicators.definitions")}
      </Heading>
      <p className="mt-1 text-sm text-slate-600">{t("indicators.definitionsIntro")}</p>
      <dl className="mt-3 space-y-4">
        {figures.map((figure) => (
          <div key={figure} data-definition={figure} className="break-inside-avoid">
            <dt className="font-semibold">{t(`indicators.figure.${figure}`)}</dt>
            <dd className="mt-1 space-y-0.5 text-sm text-slate-700">
              <p>
                <span className="font-medium">{t("indicators.pillarLabel")}:</span> {FIGURE_PILLARS[figure]}.{" "}
                {t(`indicators.pillar.${FIGURE_PILLARS[figure] as 5}`)}
              </p>
              <p>
                <span className="font-medium">{t("indicators.defLabel")}:</span> {t(`indicators.def.${figure}`)}
              </p>
              <p>
                <span className="font-medium">{t("indicators.areaLabel")}:</span> {t(`indicators.area.${figure}`)}
              </p>
              <p>
                <span className="font-medium">{t("indicators.notCoveredLabel")}:</span>{" "}
                {t(`indicators.notCovered.${figure}`)}
              </p>
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-sm text-slate-600">{t("indicators.noData")}</p>
    </section>
  );
}

/** A field's name in the list of filters: sub-fields indented under their group. */
export const fieldOption = (
  lang: Language,
  field: { slug: string; nameVi: string; nameEn: string; parentId: string | null },
) => ({
  value: field.slug,
  label: `${field.parentId ? "— " : ""}${pick(lang, field.nameVi, field.nameEn)}`,
});
