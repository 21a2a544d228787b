import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Panel } from "~/components/page";
import { Badge } from "~/components/ui/badge";
import { VerifiedBadge } from "~/components/verified-badge";
import { formatDate, pick, useLanguage, useT, type Language } from "~/i18n/i18n";
import { isManager } from "~/models/claim.server";
import { publishedExpertsOf } from "~/models/expert.server";
import { getPublishedOrganization } from "~/models/organization.server";
import { organizationOffers } from "~/models/offer.server";
import { OrganizationOffers } from "~/components/organization-offers";
import { OrganizationEvents } from "~/components/organization-events";
import { organizationUpcomingEvents, organizerKind } from "~/models/event.server";
import { getUser } from "~/auth/auth.server";
import { displayName } from "~/domain/expert-values";
import { hasPermission } from "~/auth/permissions";
import { Notice } from "~/components/ui/notice";
import { OrganizationContact } from "~/components/organization-contact";
import { directorySearch } from "~/utils/directory-query";
import { getLanguage } from "~/i18n/language.server";
import { externalUrlLabel, invariantResponse } from "~/utils/misc";
import { redirectFor } from "~/models/curation.server";
import { titled } from "~/utils/meta";
import { OrganizationLogo } from "~/components/organization-logo";
import { logoUrl } from "~/domain/logo";
import { InquiryBox } from "~/components/inquiry-box";
import { shownFeedback } from "~/models/responsiveness.server";
import { RequesterFeedbackLine } from "~/components/response-standing";
import { keepRetryAfter } from "~/utils/headers";
import { readForm } from "~/utils/misc";
import { inquiryAction, inquiryData, isInquiry } from "./__inquiry.server";

export const meta: MetaFunction<typeof loader> = (args) => {
  const { data } = args;
  if (!data) return titled(args, (t) => t("error.404.org"));
  const { organization } = data;
  const name = pick(data.lang as Language, organization.nameVi, organization.nameEn);
  const summary = pick(data.lang as Language, organization.summaryVi, organization.summaryEn);
  return titled(args, `${name}${organization.acronym ? ` (${organization.acronym})` : ""}`, { description: summary });
};

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export async function loader(args: LoaderFunctionArgs) {
  const slug = args.params.slug ?? "";
  invariantResponse(SLUG.test(slug) && slug.length <= 120, "Not found", { status: 404 });
  const [lang, organization] = await Promise.all([getLanguage(args.request), getPublishedOrganization(slug)]);
  if (!organization) {
    // A listing merged into another: its old address moves for good.
    const target = await redirectFor(slug);
    if (target) throw redirect(`/organizations/${target}${new URL(args.request.url).search}`, 301);
  }
  invariantResponse(organization, "Not found", { status: 404 });
  const user = getUser(args);
  const [experts, managing, inquiry, requesterFeedback] = await Promise.all([
    publishedExpertsOf(organization.id),
    user ? isManager(user.id, organization.id) : Promise.resolve(false),
    inquiryData({ type: "organization", id: organization.id }, user),
    // Shown only for a listing that asks (requests naming it) and above the minimum.
    shownFeedback({ organizationId: organization.id }),
  ]);
  const canEdit = managing || hasPermission(user, "organization:edit-any");
  const [offers, events] = await Promise.all([
    organizationOffers(organization.id, { manager: canEdit }),
    organizationUpcomingEvents(organization.id),
  ]);
  // The listing's general mailbox goes out as `publicEmail`: `email` names people's accounts, which never leave the server.
  const { email, logoKey, ...listing } = organization;
  return {
    lang,
    organization: { ...listing, publicEmail: email, logo: logoUrl(logoKey, 256) },
    experts,
    offers,
    events,
    canAddEvent: canEdit && organizerKind(organization.kind),
    canEdit,
    signedIn: Boolean(user),
    inquiry,
    requesterFeedback,
  };
}

export const headers = keepRetryAfter;

/** The page's one form: an inquiry to the listing's managers. */
export async function action(args: ActionFunctionArgs) {
  const slug = args.params.slug ?? "";
  invariantResponse(SLUG.test(slug) && slug.length <= 120, "Not found", { status: 404 });
  const organization = await getPublishedOrganization(slug);
  invariantResponse(organization, "Not found", { status: 404 });
  const form = await readForm(args.request);
  if (!isInquiry(form)) throw new Response("Unknown intent", { status: 400 });
  return inquiryAction(args, form, { type: "organization", id: organization.id });
}

export default function OrganizationPage() {
  const { organization, experts, offers, events, canAddEvent, canEdit, signedIn, inquiry, requesterFeedback } =
    useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const lang = useLanguage();
  const name = pick(lang, organization.nameVi, organization.nameEn);
  const otherName = lang === "vi" ? organization.nameEn : organization.nameVi;
  const summary = pick(lang, organization.summaryVi, organization.summaryEn);
  const summaryIsOtherLanguage = lang === "vi" ? !organization.summaryVi : !organization.summaryEn;
  const parent = organization.parent && organization.parent.status === "published" ? organization.parent : null;
  const fieldSlugs = organization.fields.map(({ field }) => field.slug);

  return (
    <article className="space-y-6">
      <nav aria-label={t("org.breadcrumb")} className="text-sm text-slate-600">
        <ol className="flex flex-wrap items-center gap-1">
          <li>
            <Link to="/directory" className="text-brand-700 hover:underline">
              {t("nav.directory")}
            </Link>
          </li>
          {parent ? (
            <li>
              <span aria-hidden>/ </span>
              <Link to={`/organizations/${parent.slug}`} className="text-brand-700 hover:underline">
                {parent.acronym ?? pick(lang, parent.nameVi, parent.nameEn)}
              </Link>
            </li>
          ) : null}
          <li aria-current="page">
            <span aria-hidden>/ </span>
            {organization.acronym ?? name}
          </li>
        </ol>
      </nav>

      {searchParams.has("saved") ? <Notice>{t("org.edit.saved")}</Notice> : null}
      {searchParams.has("proposed") ? <Notice>{t("curation.editPending")}</Notice> : null}
      {searchParams.has("confirmed") ? <Notice>{t("curation.confirmed")}</Notice> : null}
      {searchParams.has("archived") ? <Notice>{t("offer.archived")}</Notice> : null}
      {searchParams.get("logo") === "saved" ? <Notice>{t("org.logo.saved")}</Notice> : null}
      {searchParams.get("logo") === "removed" ? <Notice>{t("org.logo.removed")}</Notice> : null}
      <header className="rounded-2xl border border-slate-200 bg-white p-5 sm:p-8">
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone="brand">{t(`kind.${organization.kind}` as "kind.lab")}</Badge>
          {organization.verified ? <VerifiedBadge /> : <Badge>{t("org.unverified")}</Badge>}
          <span className="ml-auto flex gap-2">
            {canEdit ? (
              <>
                <Link
                  to={`/organizations/${organization.slug}/logo`}
                  className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
                >
                  {t("org.logo.change")}
                </Link>
                <Link
                  to={`/organizations/${organization.slug}/edit`}
                  className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
                >
                  {t("org.edit")}
                </Link>
              </>
            ) : (
              <Link
                to={
                  signedIn
                    ? `/organizations/${organization.slug}/claim`
                    : `/login?redirectTo=${encodeURIComponent(`/organizations/${organization.slug}/claim`)}`
                }
                className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
              >
                {t("claim.button")}
              </Link>
            )}
          </span>
        </div>
        <div className="mt-3 flex items-start gap-4">
          <OrganizationLogo url={organization.logo} name={name} acronym={organization.acronym} size={96} />
          <div className="min-w-0">
            <h1 className="text-2xl font-bold leading-tight sm:text-3xl">
              {name}
              {organization.acronym && !name.includes(organization.acronym) ? (
                <span className="font-normal text-slate-600"> ({organization.acronym})</span>
              ) : null}
            </h1>
            {otherName && otherName !== name ? (
              <p className="mt-1 text-slate-600" lang={lang === "vi" ? "en" : "vi"}>
                {otherName}
              </p>
            ) : null}
          </div>
        </div>
        {summary ? (
          <div className="mt-4 max-w-3xl text-base leading-relaxed text-slate-800">
            <p lang={summaryIsOtherLanguage ? (lang === "vi" ? "en" : "vi") : undefined}>{summary}</p>
            {summaryIsOtherLanguage ? (
              <p className="mt-1 text-sm text-slate-500">{t("org.summaryInOtherLanguage")}</p>
            ) : null}
          </div>
        ) : null}
      </header>

      <OrganizationContact organization={organization} />

      <InquiryBox {...inquiry} contactsHref="#contact" toTeam />
      <RequesterFeedbackLine figures={requesterFeedback} />

      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="space-y-6">
          {organization.fields.length > 0 ? (
            <Panel id="fields" title={t("org.fields")}>
              <ul className="mt-3 flex flex-wrap gap-2">
                {organization.fields.map(({ field }) => (
                  <li key={field.slug}>
                    <Link
                      to={`/directory${directorySearch({ fields: [field.slug] })}`}
                      className="inline-block rounded-full bg-brand-50 px-3 py-1 text-sm text-brand-800 ring-1 ring-brand-100 hover:bg-brand-100"
                    >
                      {lang === "vi" ? field.nameVi : field.nameEn}
                    </Link>
                  </li>
                ))}
              </ul>
              {fieldSlugs.length > 1 ? (
                <p className="mt-3 text-sm">
                  <Link
                    to={`/directory${directorySearch({ fields: fieldSlugs })}`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {t("org.findSimilar")} →
                  </Link>
                </p>
              ) : null}
            </Panel>
          ) : null}

          <OrganizationOffers slug={organization.slug} offers={offers} canAdd={canEdit} />

          <OrganizationEvents slug={organization.slug} events={events} canAdd={canAddEvent} />

          {experts.length > 0 ? (
            <Panel id="experts" title={`${t("expert.experts")} (${experts.length})`}>
              <ul className="mt-3 divide-y divide-slate-100">
                {experts.map((expert) => (
                  <li key={expert.slug} className="py-2">
                    <Link to={`/experts/${expert.slug}`} className="font-medium text-brand-700 hover:underline">
                      {displayName(expert, lang)}
                    </Link>
                    {expert.position ? <span className="text-sm text-slate-600"> · {expert.position}</span> : null}
                  </li>
                ))}
              </ul>
            </Panel>
          ) : null}

          {organization.children.length > 0 ? (
            <Panel id="children" title={`${t("org.children")} (${organization.children.length})`}>
              <ul className="mt-3 divide-y divide-slate-100">
                {organization.children.map((child) => (
                  <li key={child.slug} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <Link to={`/organizations/${child.slug}`} className="font-medium text-brand-700 hover:underline">
                      {withAcronym(pick(lang, child.nameVi, child.nameEn), child.acronym)}
                    </Link>
                    <span className="flex items-center gap-2">
                      <Badge>{t(`kind.${child.kind}` as "kind.lab")}</Badge>
                      {child.verified ? <VerifiedBadge /> : null}
                    </span>
                  </li>
                ))}
              </ul>
            </Panel>
          ) : null}
        </div>

        <Panel as="aside" id="details" title={t("org.details")} className="h-fit">
          <dl className="mt-3 space-y-3 text-sm">
            {organization.acronym ? <Detail term={t("org.acronym")}>{organization.acronym}</Detail> : null}
            {organization.foundedYear ? <Detail term={t("org.founded")}>{organization.foundedYear}</Detail> : null}
            {parent ? (
              <Detail term={t("org.parent")}>
                <Link to={`/organizations/${parent.slug}`} className="text-brand-700 hover:underline">
                  {pick(lang, parent.nameVi, parent.nameEn)}
                </Link>
              </Detail>
            ) : null}
            {organization.sourceUrl ? (
              <Detail term={t("org.source")}>
                <a
                  href={organization.sourceUrl}
                  rel="noopener noreferrer external"
                  target="_blank"
                  className="break-all text-brand-700 underline"
                >
                  {externalUrlLabel(organization.sourceUrl).slice(0, 60)}
                </a>
              </Detail>
            ) : null}
          </dl>
          <p className="mt-4 text-xs text-slate-500">
            {t("org.updated", { date: formatDate(lang, organization.updatedAt) })}
          </p>
        </Panel>
      </div>
    </article>
  );
}

/** "Name (ACR)", unless the name already shows the acronym. */
function withAcronym(name: string, acronym: string | null) {
  return acronym && !name.includes(acronym) ? `${name} (${acronym})` : name;
}

function Detail({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="font-medium text-slate-600">{term}</dt>
      <dd className="mt-0.5 text-slate-900">{children}</dd>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary messages={{ 404: "error.404.org" }} />;
}
