import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ColumnHeadings } from "~/components/ui/column-headings";
import { Field, SelectField, SubmitButton, useFilterSelect } from "~/components/forms";
import { PageHeader } from "~/components/page";
import { Badge } from "~/components/ui/badge";
import { Notice } from "~/components/ui/notice";
import { formatDate, pick, useLanguage, useT } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/messages";
import {
  BULK_ACTIONS,
  bulkChange,
  changeOrganization,
  CurationError,
  findListings,
  listingIdBySlug,
  listingNames,
  mergeOrganizations,
} from "~/models/curation.server";
import { requirePermission } from "~/auth/auth.server";
import { getLanguage } from "~/i18n/language.server";
import { titled } from "~/utils/meta";
import { readForm } from "~/utils/misc";
import { ORGANIZATION_KINDS, ORGANIZATION_STATUSES } from "~/domain/organization-values";

/**
 * Officials find any listing (drafts and archived ones too) in a table they
 * filter and sort, and act on one (through its own page: merge, archive with
 * confirmation) or on many at once (verify, archive, mark reviewed).
 */
export const meta: MetaFunction = (args) => titled(args, (t) => t("curation.organizations"));

const PAGE_SIZE = 50;
const SORTS = ["name", "updated", "kind"] as const;
/** The list's column headings after the selection checkbox. */
const COLUMNS: MessageKey[] = [
  "curation.name",
  "curation.kind",
  "curation.status",
  "curation.updated",
  "curation.actions",
];

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "organization:curate");
  const url = new URL(args.request.url);
  const get = (name: string) => (url.searchParams.get(name) ?? "").slice(0, 100);
  const q = get("q");
  const status = (ORGANIZATION_STATUSES as readonly string[]).includes(get("status")) ? get("status") : "";
  const kind = (ORGANIZATION_KINDS as readonly string[]).includes(get("kind")) ? get("kind") : "";
  const verified = ["yes", "no"].includes(get("verified")) ? get("verified") : "";
  const sort = (SORTS as readonly string[]).includes(get("sort")) ? get("sort") : "name";
  const lang = await getLanguage(args.request);
  const filters = { q, status, kind, verified, sort };
  const { organizations, total } = await findListings(filters, lang, PAGE_SIZE);
  return { organizations, total, filters };
}

const ActionSchema = z.object({
  id: z.string().min(1).max(60),
  intent: z.enum(["verify", "unverify", "archive", "restore", "merge"]),
  into: z.string().max(120).optional(),
  reason: z.string().max(1000).optional(),
  confirm: z.literal("yes").optional(),
});
const BulkSchema = z.object({
  bulk: z.enum(BULK_ACTIONS),
  ids: z.array(z.string().min(1).max(60)).max(200),
  confirm: z.literal("yes").optional(),
});

type ActionResult = {
  id: string;
  message: MessageKey;
  params?: Record<string, number | string>;
  ok: boolean;
  /** Archiving waits for this confirmation step (rendered by the server, so it works without JavaScript). */
  confirmArchive?: { id: string; name: string }[];
};

export async function action(args: ActionFunctionArgs) {
  const user = requirePermission(args, "organization:curate");
  const form = await readForm(args.request);
  if (form.has("bulk")) return bulkAction(form, user.id);
  const parsed = ActionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return data<ActionResult>({ id: "", message: "form.choose", ok: false }, { status: 400 });
  const { id, intent, into, reason, confirm } = parsed.data;
  const note = reason?.trim() || null;
  try {
    if (intent === "merge") {
      const survivorId = await listingIdBySlug((into ?? "").trim().replace(/^.*\/organizations\//, ""));
      if (!survivorId) return data<ActionResult>({ id, message: "curation.notFound", ok: false }, { status: 400 });
      // A merge cannot be undone: it is done only from the side-by-side comparison.
      if (!confirm)
        throw redirect(`/admin/organizations/${encodeURIComponent(id)}?into=${encodeURIComponent(survivorId)}`, 303);
      const result = await mergeOrganizations(id, survivorId, user.id, note);
      return data<ActionResult>({ id, message: "curation.merged", params: result.moved, ok: true });
    }
    if (intent === "archive" && !confirm) {
      const [listing] = await listingNames([id]);
      if (!listing) return data<ActionResult>({ id, message: "curation.notFound", ok: false }, { status: 404 });
      return data<ActionResult>({
        id,
        message: "curation.archiveQuestion",
        params: { count: 1 },
        ok: true,
        confirmArchive: [named(listing)],
      });
    }
    const changed = await changeOrganization(id, intent, user.id, note);
    return data<ActionResult>(
      { id, message: changed ? "curation.changed" : "curation.unchanged", ok: changed },
      { status: changed ? 200 : 409 },
    );
  } catch (error) {
    if (error instanceof CurationError)
      return data<ActionResult>(
        { id, message: error.key, ok: false },
        { status: error.key === "curation.notFound" ? 404 : 400 },
      );
    throw error;
  }
}

const named = (listing: { id: string; slug: string; nameVi: string | null; nameEn: string | null }) => ({
  id: listing.id,
  name: listing.nameVi || listing.nameEn || listing.slug,
});

async function bulkAction(form: FormData, actorId: string) {
  const parsed = BulkSchema.safeParse({
    bulk: form.get("bulk"),
    ids: [...new Set(form.getAll("ids").map(String))],
    confirm: form.get("confirm") ?? undefined,
  });
  if (!parsed.success) return data<ActionResult>({ id: "", message: "form.choose", ok: false }, { status: 400 });
  const { bulk, ids, confirm } = parsed.data;
  if (ids.length === 0) return data<ActionResult>({ id: "", message: "curation.bulkNone", ok: false }, { status: 400 });
  if (bulk === "archive" && !confirm) {
    const listings = await listingNames(ids);
    return data<ActionResult>({
      id: "",
      message: "curation.archiveQuestion",
      params: { count: listings.length },
      ok: true,
      confirmArchive: listings.map(named),
    });
  }
  try {
    const count = await bulkChange(ids, bulk, actorId);
    return data<ActionResult>({ id: "", message: "curation.bulkDone", params: { count }, ok: true });
  } catch (error) {
    if (error instanceof CurationError)
      return data<ActionResult>({ id: "", message: error.key, params: error.params, ok: false }, { status: 409 });
    throw error;
  }
}

export default function CurateOrganizations() {
  const { organizations, total, filters } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const lang = useLanguage();
  const filter = useFilterSelect(filters);
  if (result?.confirmArchive) return <ConfirmArchive listings={result.confirmArchive} single={result.id} />;
  return (
    <div className="space-y-6">
      <PageHeader title={t("curation.organizations")} />
      <p className="max-w-3xl text-slate-700">{t("curation.organizationsIntro")}</p>
      {result ? (
        <Notice tone={result.ok ? "info" : "error"} role={result.ok ? "status" : "alert"}>
          {t(result.message, result.params)}
        </Notice>
      ) : null}
      <Form
        method="get"
        className="grid gap-3 rounded-2xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6"
      >
        <div className="sm:col-span-2">
          <Field label={t("curation.search")} name="q" type="search" defaultValue={filters.q} maxLength={100} />
        </div>
        <SelectField
          label={t("curation.kind")}
          {...filter("kind")}
          options={ORGANIZATION_KINDS.map((value) => ({ value, label: t(`kind.${value}` as MessageKey) }))}
        />
        <SelectField
          label={t("curation.status")}
          {...filter("status")}
          options={ORGANIZATION_STATUSES.map((value) => ({
            value,
            label: t(`curation.status.${value}` as MessageKey),
          }))}
        />
        <SelectField
          label={t("curation.verifiedFilter")}
          {...filter("verified")}
          options={[
            { value: "yes", label: t("curation.verifiedYes") },
            { value: "no", label: t("curation.verifiedNo") },
          ]}
        />
        <SelectField
          label={t("curation.sort")}
          id="sort"
          name="sort"
          defaultValue={filters.sort}
          options={SORTS.map((value) => ({ value, label: t(`curation.sort.${value}` as MessageKey) }))}
        />
        <div className="flex items-end">
          <SubmitButton tone="secondary">{t("audit.filter")}</SubmitButton>
        </div>
      </Form>
      <p className="text-sm text-slate-600">{t("curation.shown", { count: total })}</p>
      {organizations.length === 0 ? (
        <p>{t("curation.noResults")}</p>
      ) : (
        <Form method="post" className="space-y-3">
          <fieldset className="flex flex-wrap items-center gap-2 rounded-2xl border border-slate-200 bg-white p-3">
            <legend className="sr-only">{t("curation.bulk")}</legend>
            <span className="text-sm font-medium" aria-hidden="true">
              {t("curation.bulk")}:
            </span>
            <SubmitButton name="bulk" value="verify" tone="secondary">
              {t("curation.verify")}
            </SubmitButton>
            <SubmitButton name="bulk" value="review" tone="secondary">
              {t("curation.review")}
            </SubmitButton>
            <SubmitButton name="bulk" value="archive" tone="danger">
              {t("curation.archive")}
            </SubmitButton>
          </fieldset>
          <table className="w-full border-collapse text-left text-sm max-sm:block">
            <thead className="max-sm:hidden">
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">
                  <span className="sr-only">{t("curation.bulk")}</span>
                </th>
                <ColumnHeadings labels={COLUMNS.map((column) => t(column))} />
              </tr>
            </thead>
            {/* Below 640 px each row is a stacked block: a checkbox beside the name, facts underneath. */}
            <tbody className="max-sm:block">
              {organizations.map((organization) => {
                const name = pick(lang, organization.nameVi, organization.nameEn) || organization.slug;
                return (
                  <tr
                    key={organization.id}
                    data-organization={organization.slug}
                    className="border-b border-slate-200 align-top max-sm:grid max-sm:grid-cols-[2.5rem_1fr] max-sm:py-2"
                  >
                    <td className="p-2 max-sm:row-span-4">
                      <input
                        type="checkbox"
                        name="ids"
                        value={organization.id}
                        aria-label={t("curation.select", { name })}
                        className="size-5"
                      />
                    </td>
                    <td className="p-2 max-sm:py-0">
                      <Link
                        to={`/organizations/${organization.slug}`}
                        className="font-semibold break-words text-brand-700 underline"
                      >
                        {name}
                      </Link>
                      {organization.acronym ? <span className="text-slate-600"> ({organization.acronym})</span> : null}
                      <div className="text-xs break-all text-slate-600">/organizations/{organization.slug}</div>
                    </td>
                    <td className="p-2 max-sm:py-0">{t(`kind.${organization.kind}` as MessageKey)}</td>
                    <td className="p-2 max-sm:py-0">
                      <span className="flex flex-wrap gap-1">
                        <Badge tone={organization.status === "published" ? "brand" : undefined}>
                          {t(`curation.status.${organization.status}` as MessageKey)}
                        </Badge>
                        {organization.verified ? <Badge tone="brand">{t("curation.verifiedYes")}</Badge> : null}
                        {organization.staleSince ? <Badge>{t("curation.stale")}</Badge> : null}
                      </span>
                    </td>
                    <td className="p-2 max-sm:py-0">
                      <span className="sm:hidden">{t("curation.updated")}: </span>
                      {formatDate(lang, organization.updatedAt)}
                    </td>
                    <td className="p-2 max-sm:col-start-2 max-sm:py-1">
                      <Link to={`/admin/organizations/${organization.id}`} className="text-brand-700 underline">
                        {t("curation.manage")}
                        <span className="sr-only"> {name}</span>
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </Form>
      )}
    </div>
  );
}

/** The server's confirmation step before archiving one listing or several. */
function ConfirmArchive({ listings, single }: { listings: { id: string; name: string }[]; single: string }) {
  const t = useT();
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeader title={t("curation.confirmArchive")} />
      <Form method="post" className="space-y-4 rounded-2xl border border-red-200 bg-white p-4">
        <p role="alert">{t("curation.archiveQuestion", { count: listings.length })}</p>
        <ul className="list-disc pl-5">
          {listings.map((listing) => (
            <li key={listing.id}>{listing.name}</li>
          ))}
        </ul>
        <input type="hidden" name="confirm" value="yes" />
        {single ? (
          <>
            <input type="hidden" name="id" value={single} />
            <Field label={t("audit.reason")} name="reason" maxLength={1000} />
            <SubmitButton name="intent" value="archive" tone="danger">
              {t("curation.confirmArchive")}
            </SubmitButton>
          </>
        ) : (
          <>
            {listings.map((listing) => (
              <input key={listing.id} type="hidden" name="ids" value={listing.id} />
            ))}
            <SubmitButton name="bulk" value="archive" tone="danger">
              {t("curation.confirmArchive")}
            </SubmitButton>
          </>
        )}
      </Form>
      <Link to="/admin/organizations" className="text-brand-700 underline">
        {t("curation.cancel")}
      </Link>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
