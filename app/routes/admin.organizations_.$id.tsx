import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ColumnHeadings } from "~/components/ui/column-headings";
import { Field, SubmitButton } from "~/components/forms";
import { PageHeader } from "~/components/page";
import { pick, useLanguage, useT } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/messages";
import { requirePermission } from "~/auth/auth.server";
import { listingToCurate, mergeCandidates } from "~/models/curation.server";
import { titled } from "~/utils/meta";

/**
 * One listing, for an official: verify or restore it, archive it (after a
 * confirmation), or merge it into another one found by a GET search (no slug
 * to type) and compared side by side before the merge is confirmed. The
 * actions post to /admin/organizations, which checks permission and confirmation.
 */
export const meta: MetaFunction = (args) => titled(args, (t) => t("curation.organizations"));

const FACTS = [
  "slug",
  "kind",
  "nameVi",
  "nameEn",
  "acronym",
  "website",
  "district",
  "address",
  "foundedYear",
  "status",
  "verified",
] as const;

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "organization:curate");
  const id = (args.params.id ?? "").slice(0, 60);
  const listing = await listingToCurate(id);
  if (!listing) throw new Response("Not found", { status: 404 });
  const url = new URL(args.request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  const candidates = await mergeCandidates(id, q);
  const intoId = (url.searchParams.get("into") ?? "").slice(0, 60);
  const survivor = intoId && intoId !== id ? await listingToCurate(intoId) : null;
  return { listing, q, candidates, survivor };
}

export default function ManageListing() {
  const { listing, q, candidates, survivor } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLanguage();
  const name = (o: { nameVi: string | null; nameEn: string | null; slug: string }) =>
    pick(lang, o.nameVi, o.nameEn) || o.slug;
  const show = (o: typeof listing, fact: (typeof FACTS)[number]) => {
    const value = o[fact];
    if (fact === "kind") return t(`kind.${value}` as MessageKey);
    if (fact === "status") return t(`curation.status.${value}` as MessageKey);
    if (typeof value === "boolean") return t(value ? "audit.yes" : "audit.no");
    return value === null || value === "" ? "—" : String(value);
  };
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader title={t("curation.manageTitle", { name: name(listing) })} />
      <Link to="/admin/organizations" className="text-brand-700 underline">
        {t("curation.back")}
      </Link>

      <Form method="post" action="/admin/organizations" className="flex flex-wrap gap-2">
        <input type="hidden" name="id" value={listing.id} />
        {listing.status !== "pending" ? (
          <SubmitButton name="intent" value={listing.verified ? "unverify" : "verify"} tone="secondary">
            {t(listing.verified ? "curation.unverify" : "curation.verify")}
          </SubmitButton>
        ) : null}
        {/* Archiving leads to the confirmation step first. */}
        <SubmitButton
          name="intent"
          value={listing.status === "archived" ? "restore" : "archive"}
          tone={listing.status === "archived" ? "secondary" : "danger"}
        >
          {t(listing.status === "archived" ? "curation.restore" : "curation.archive")}
        </SubmitButton>
      </Form>

      <section aria-labelledby="merge-title" className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4">
        <h2 id="merge-title" className="text-xl font-semibold">
          {t("curation.merge")}
        </h2>
        <p className="text-sm text-slate-700">{t("curation.mergeHint")}</p>
        <Form method="get" className="flex flex-wrap items-end gap-2">
          <div className="min-w-0 flex-1">
            <Field label={t("curation.mergeSearch")} name="q" type="search" defaultValue={q} maxLength={100} required />
          </div>
          <SubmitButton tone="secondary">{t("curation.find")}</SubmitButton>
        </Form>
        {q && candidates.length === 0 ? <p>{t("curation.noCandidates")}</p> : null}
        {candidates.length ? (
          <ul className="divide-y divide-slate-200">
            {candidates.map((candidate) => (
              <li key={candidate.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <span className="font-medium">{name(candidate)}</span>
                  {candidate.acronym ? ` (${candidate.acronym})` : ""} ·{" "}
                  <span className="break-all text-slate-600">/organizations/{candidate.slug}</span>
                  {candidate.status !== "published"
                    ? ` · ${t(`curation.status.${candidate.status}` as MessageKey)}`
                    : ""}
                </span>
                <Link
                  to={`?${new URLSearchParams({ q, into: candidate.id }).toString()}#compare`}
                  aria-label={`${t("curation.choose")}: ${name(candidate)}`}
                  className="text-brand-700 underline"
                >
                  {t("curation.choose")}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
        {survivor ? (
          <div id="compare" className="space-y-3">
            <h3 className="text-lg font-semibold">{t("curation.mergeCompare")}</h3>
            <div className="overflow-x-auto">
              {/* Fixed columns that wrap: both listings stay in view at 320 px. */}
              <table className="w-full table-fixed text-left text-sm">
                <thead>
                  <tr className="border-b border-slate-300">
                    <th scope="col" className="w-[28%] p-1">
                      <span className="sr-only">{t("queue.field")}</span>
                    </th>
                    <ColumnHeadings cell="p-1" labels={[t("curation.duplicateSide"), t("curation.survivorSide")]} />
                  </tr>
                </thead>
                <tbody>
                  {FACTS.map((fact) => (
                    <tr key={fact} className="border-b border-slate-100 align-top">
                      <th scope="row" className="p-1 font-medium [overflow-wrap:anywhere]">
                        {t(`audit.field.${fact}` as MessageKey)}
                      </th>
                      <td className="p-1 [overflow-wrap:anywhere]">{show(listing, fact)}</td>
                      <td className="p-1 [overflow-wrap:anywhere]">{show(survivor, fact)}</td>
                    </tr>
                  ))}
                  {(["experts", "children", "requests", "managers"] as const).map((count) => (
                    <tr key={count} className="border-b border-slate-100">
                      <th scope="row" className="p-1 font-medium">
                        {t(`audit.field.${count}` as MessageKey)}
                      </th>
                      <td className="p-1">{listing._count[count]}</td>
                      <td className="p-1">{survivor._count[count]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {listing._count.managers ? (
              <p className="text-sm">{t("curation.managersBecomeClaims", { count: listing._count.managers })}</p>
            ) : null}
            <Form method="post" action="/admin/organizations" className="space-y-2">
              <input type="hidden" name="id" value={listing.id} />
              <input type="hidden" name="into" value={survivor.slug} />
              <input type="hidden" name="confirm" value="yes" />
              <Field label={t("audit.reason")} name="reason" maxLength={1000} />
              <SubmitButton name="intent" value="merge" tone="danger">
                {t("curation.confirmMerge")}
              </SubmitButton>
            </Form>
          </div>
        ) : null}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
