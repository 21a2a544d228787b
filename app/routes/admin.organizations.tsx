import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, SubmitButton } from "~/components/forms";
import { PageHeader } from "~/components/page";
import { Badge } from "~/components/ui/badge";
import { Notice } from "~/components/ui/notice";
import { pick, useLanguage, useT } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/messages";
import { changeOrganization, CurationError, mergeOrganizations } from "~/models/curation.server";
import { requirePermission } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { titled } from "~/utils/meta";
import { readForm } from "~/utils/misc";
import { ORGANIZATION_STATUSES } from "~/utils/organization-values";
import { foldForSearch } from "~/utils/text";

/** Officials find any listing (drafts and archived ones too) and act on it. */
export const meta: MetaFunction = (args) => titled(args, (t) => t("curation.organizations"));

const PAGE_SIZE = 25;

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "organization:curate");
  const url = new URL(args.request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  const status = url.searchParams.get("status") ?? "";
  const folded = foldForSearch(q);
  const organizations = await prisma.organization.findMany({
    where: {
      ...((ORGANIZATION_STATUSES as readonly string[]).includes(status) ? { status } : {}),
      ...(folded ? { OR: [{ slug: { startsWith: folded.replace(/\s+/g, "-") } }, { searchText: { contains: folded } }] } : {}),
    },
    orderBy: [{ sortNameVi: "asc" }],
    take: PAGE_SIZE,
    select: { id: true, slug: true, kind: true, nameVi: true, nameEn: true, acronym: true, status: true, verified: true, staleSince: true, _count: { select: { experts: true, children: true } } },
  });
  return { organizations, q, status };
}

const ActionSchema = z.object({
  id: z.string().min(1).max(60),
  intent: z.enum(["verify", "unverify", "archive", "restore", "merge"]),
  into: z.string().max(120).optional(),
  reason: z.string().max(1000).optional(),
});

type ActionResult = { id: string; message: MessageKey; params?: Record<string, number>; ok: boolean };

export async function action(args: ActionFunctionArgs) {
  const user = requirePermission(args, "organization:curate");
  const parsed = ActionSchema.safeParse(Object.fromEntries(await readForm(args.request)));
  if (!parsed.success) return data<ActionResult>({ id: "", message: "form.choose", ok: false }, { status: 400 });
  const { id, intent, into, reason } = parsed.data;
  const note = reason?.trim() || null;
  try {
    if (intent === "merge") {
      const survivor = await prisma.organization.findUnique({ where: { slug: (into ?? "").trim().replace(/^.*\/organizations\//, "") }, select: { id: true } });
      if (!survivor) return data<ActionResult>({ id, message: "curation.notFound", ok: false }, { status: 400 });
      const result = await mergeOrganizations(id, survivor.id, user.id, note);
      return data<ActionResult>({ id, message: "curation.merged", params: result.moved, ok: true });
    }
    const changed = await changeOrganization(id, intent, user.id, note);
    return data<ActionResult>({ id, message: changed ? "curation.changed" : "curation.unchanged", ok: changed }, { status: changed ? 200 : 409 });
  } catch (error) {
    if (error instanceof CurationError) return data<ActionResult>({ id, message: error.key, ok: false }, { status: error.key === "curation.notFound" ? 404 : 400 });
    throw error;
  }
}

export default function CurateOrganizations() {
  const { organizations, q, status } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const [searchParams] = useSearchParams();
  const t = useT();
  const lang = useLanguage();
  return (
    <div className="space-y-6">
      <PageHeader title={t("curation.organizations")} />
      <p className="max-w-3xl text-slate-700">{t("curation.organizationsIntro")}</p>
      {result ? (
        <Notice tone={result.ok ? "info" : "error"} role={result.ok ? "status" : "alert"}>
          {t(result.message, result.params)}
        </Notice>
      ) : null}
      <Form method="get" className="flex flex-wrap items-end gap-3 rounded-2xl border border-slate-200 bg-white p-4">
        <div className="min-w-[14rem] flex-1">
          <Field label={t("curation.search")} name="q" type="search" defaultValue={q} maxLength={100} />
        </div>
        <div>
          <label htmlFor="status" className="block font-medium">{t("curation.status")}</label>
          <select id="status" name="status" defaultValue={status} className="mt-1 rounded-lg border border-slate-300 p-2">
            <option value="">{t("audit.any")}</option>
            {ORGANIZATION_STATUSES.map((value) => (
              <option key={value} value={value}>{t(`curation.status.${value}` as MessageKey)}</option>
            ))}
          </select>
        </div>
        <SubmitButton tone="secondary">{t("audit.filter")}</SubmitButton>
      </Form>
      {organizations.length === 0 ? <p>{t("curation.noResults")}</p> : null}
      <ul className="space-y-3">
        {organizations.map((organization) => (
          <li key={organization.id} className="rounded-2xl border border-slate-200 bg-white p-4" data-organization={organization.slug}>
            <div className="flex flex-wrap items-center gap-2">
              <Link to={`/organizations/${organization.slug}`} className="font-semibold text-brand-700 underline">
                {pick(lang, organization.nameVi, organization.nameEn)}
              </Link>
              {organization.acronym ? <span className="text-slate-600">({organization.acronym})</span> : null}
              <Badge>{t(`kind.${organization.kind}` as MessageKey)}</Badge>
              <Badge tone={organization.status === "published" ? "brand" : undefined}>{t(`curation.status.${organization.status}` as MessageKey)}</Badge>
              {organization.verified ? <Badge tone="brand">{t("curation.verify")} ✓</Badge> : null}
              {organization.staleSince ? <Badge>{t("curation.stale")}</Badge> : null}
            </div>
            <p className="text-sm text-slate-600">
              /organizations/{organization.slug} · {organization._count.experts} {t("nav.experts").toLowerCase()} · {organization._count.children} ↳
            </p>
            <div className="mt-3 flex flex-wrap gap-2">
              {(organization.verified ? ["unverify"] : ["verify"]).concat(organization.status === "archived" ? ["restore"] : ["archive"]).map((intent) => (
                <Form key={intent} method="post" action={`?${searchParams.toString()}`}>
                  <input type="hidden" name="id" value={organization.id} />
                  <SubmitButton name="intent" value={intent} tone={intent === "archive" ? "danger" : "secondary"}>
                    {t(`curation.${intent}` as MessageKey)}
                  </SubmitButton>
                </Form>
              ))}
            </div>
            <details className="mt-3">
              <summary className="cursor-pointer text-brand-700">{t("curation.merge")}</summary>
              <Form method="post" action={`?${searchParams.toString()}`} className="mt-2 space-y-2">
                <input type="hidden" name="id" value={organization.id} />
                <Field label={t("curation.mergeInto")} name="into" hint={t("curation.mergeHint")} required maxLength={120} />
                <Field label={t("audit.reason")} name="reason" maxLength={1000} />
                <SubmitButton name="intent" value="merge" tone="danger">{t("curation.merge")}</SubmitButton>
              </Form>
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
