import { Link } from "@remix-run/react";
import { formatDate, useLanguage, useT } from "~/i18n/i18n";
import { findDistrict } from "~/domain/districts";
import {
  BUDGET_LABELS,
  COMPANY_SIZE_LABELS,
  SECTOR_LABELS,
  type Budget,
  type CompanySize,
  type Sector,
} from "~/domain/request-values";
import { Highlight } from "./highlight";
import { Badge } from "./ui/badge";

export type RequestCardView = {
  id: string;
  title: string;
  problem: string;
  companyName: string | null;
  sector: string;
  companySize: string;
  /** business | agency; missing in older callers means business */
  requesterType?: string;
  district: string | null;
  trl: number;
  budget: string;
  deadline: Date | string;
  fields: { field: { slug: string; nameVi: string; nameEn: string } }[];
  highlights?: Record<string, string>;
};

/** A request in a list. An anonymous one shows sector, size and district, never the company. */
export function RequestCard({ request }: { request: RequestCardView }) {
  const lang = useLanguage();
  const t = useT();
  const district = findDistrict(request.district);
  const who = request.companyName ?? t("request.anonymousCompany");
  const about = [
    SECTOR_LABELS[request.sector as Sector]?.[lang],
    COMPANY_SIZE_LABELS[request.companySize as CompanySize]?.[lang],
    district?.[lang],
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <article className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <h2 className="text-lg font-semibold">
        <Link to={`/requests/${request.id}`} className="hover:text-brand-700 hover:underline">
          <Highlight text={request.highlights?.title} fallback={request.title} />
        </Link>
      </h2>
      <p className="text-sm text-slate-600">
        {request.requesterType === "agency" ? (
          <>
            <Badge tone="brand">{t("requester.agencyBadge")}</Badge>{" "}
          </>
        ) : null}
        {who} · {about}
      </p>
      <p className="mt-2 text-sm leading-relaxed text-slate-700">
        <Highlight
          text={request.highlights?.problem}
          fallback={request.problem.length > 260 ? `${request.problem.slice(0, 260)}…` : request.problem}
        />
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-1.5 text-sm">
        {request.fields.map(({ field }) => (
          <Badge key={field.slug} tone="brand">
            {lang === "vi" ? field.nameVi : field.nameEn}
          </Badge>
        ))}
        <Badge>
          {t("request.trlLabel")} {request.trl}
        </Badge>
        <Badge>{BUDGET_LABELS[request.budget as Budget]?.[lang]}</Badge>
        <span className="text-slate-600">{t("request.deadlineOn", { date: formatDate(lang, request.deadline) })}</span>
      </div>
    </article>
  );
}
