import { parseWithZod } from "@conform-to/zod/v3";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { DuplicateList } from "~/components/duplicate-list";
import { ChangeTableHead } from "~/components/change-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ReviewDecision } from "~/components/review-decision";
import { FormErrors, SubmitButton } from "~/components/forms";
import { PageHeader } from "~/components/page";
import { Notice } from "~/components/ui/notice";
import { formatDate, pick, translator, useLanguage, useT } from "~/i18n/i18n";
import { duplicateFinder } from "~/models/duplicates.server";
import { getLanguage } from "~/i18n/language.server";
import { pendingAffiliationChecks } from "~/models/affiliation.server";
import { pendingClaims } from "~/models/claim.server";
import { confirmOrganization } from "~/models/curation.server";
import { profilesToReview } from "~/models/expert-review.server";
import { proposedListings } from "~/models/listing-proposal.server";
import { describeChanges, pendingRevisions, type ProposedChanges } from "~/models/revision.server";
import { staleListings } from "~/models/stale.server";
import { pendingOffers } from "~/models/offer-review.server";
import { PendingOffer } from "~/components/pending-offer";
import { pendingEvents } from "~/models/event-review.server";
import { eventTimeRange } from "~/domain/event-time";
import type { OrganizationSnapshot } from "~/models/curation.server";
import { requirePermission } from "~/auth/auth.server";
import { isReviewKind, pendingRequests, reviewItem, reviewItemExists } from "~/models/review-queue.server";
import { titled } from "~/utils/meta";
import { readForm } from "~/utils/misc";
import type { MessageKey } from "~/i18n/messages";
import { problem } from "~/validation/messages";
import { ReviewSchema } from "~/validation/request";

/**
 * Everything that waits for an official, on one page, oldest first: requests,
 * edits proposed to listings (before and after side by side), new or changed
 * expertise profiles, claims, and listings gone stale.
 */
export const meta: MetaFunction = (args) => titled(args, (t) => t("queue.title"));

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "organization:curate");
  const [requests, listings, revisions, profiles, claims, stale, findDuplicates, offers, checks, events] =
    await Promise.all([
      pendingRequests(50),
      proposedListings(),
      pendingRevisions(),
      profilesToReview(),
      pendingClaims(),
      staleListings(),
      duplicateFinder(),
      pendingOffers(),
      pendingAffiliationChecks(),
      pendingEvents(),
    ]);
  return {
    // Only the author's name: the queue does not show e-mail addresses.
    requests: requests.map(({ author, ...request }) => ({ ...request, author: { name: author.name } })),
    listings: listings.map((listing) => ({ ...listing, duplicates: findDuplicates(listing) })),
    revisions: revisions.map((revision) => ({
      id: revision.id,
      organization: revision.organization,
      author: revision.author.name,
      createdAt: revision.createdAt,
      changes: describeChanges(
        JSON.parse(revision.before) as OrganizationSnapshot,
        JSON.parse(revision.changes) as ProposedChanges,
      ),
    })),
    profiles,
    claims,
    stale,
    offers,
    events,
    // Decided on their own page (/admin/affiliations); the queue says how many wait.
    affiliationChecks: checks.length,
  };
}

/** Common reasons an official picks and may edit (reject.reason.* in the messages). */
const REJECT_REASONS = ["incomplete", "duplicate", "unverifiable", "outOfScope", "inappropriate"] as const;

export async function action(args: ActionFunctionArgs) {
  const user = requirePermission(args, "organization:curate");
  const formData = await readForm(args.request);
  const kind = String(formData.get("kind") ?? "");
  const id = String(formData.get("id") ?? "").slice(0, 60);
  if (kind === "stale") {
    if (!(await reviewItemExists("stale", id))) throw new Response("Not found", { status: 404 });
    await confirmOrganization(id, user.id);
    return data({ kind, id, result: undefined, error: null });
  }
  if (!isReviewKind(kind)) return data({ kind, id, result: undefined, error: problem("form.choose") }, { status: 400 });
  // Without JavaScript the picked common reason arrives alone: it is the reason when the text is empty.
  const preset = String(formData.get("preset") ?? "");
  if (
    formData.get("intent") === "reject" &&
    !String(formData.get("note") ?? "").trim() &&
    (REJECT_REASONS as readonly string[]).includes(preset)
  ) {
    formData.set("note", translator(await getLanguage(args.request))(`reject.reason.${preset}` as MessageKey));
  }
  const submission = parseWithZod(formData, { schema: ReviewSchema });
  if (submission.status !== "success")
    return data({ kind, id, result: submission.reply(), error: null }, { status: 400 });
  const decision = { approve: submission.value.intent === "approve", note: submission.value.note };
  const done = await reviewItem(kind, id, user.id, decision);
  if (!done && !(await reviewItemExists(kind, id))) throw new Response("Not found", { status: 404 });
  return data(
    { kind, id, result: submission.reply(), error: done ? null : problem("review.alreadyDone") },
    { status: done ? 200 : 409 },
  );
}

export default function Queue() {
  const { requests, listings, revisions, profiles, claims, stale, offers, events, affiliationChecks } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const lang = useLanguage();
  const empty =
    requests.length +
      listings.length +
      revisions.length +
      profiles.length +
      claims.length +
      stale.length +
      offers.length +
      events.length ===
    0;
  const noteErrors = (kind: string, id: string) =>
    actionData?.kind === kind && actionData.id === id ? (actionData.result?.error?.note ?? undefined) : undefined;
  const review = (kind: string, id: string) => <ReviewForm kind={kind} id={id} errors={noteErrors(kind, id)} />;
  return (
    <div className="space-y-8">
      <PageHeader title={t("queue.title")} />
      {affiliationChecks > 0 ? (
        <Notice>
          <Link to="/admin/affiliations" className="font-semibold underline">
            {t("affiliation.admin.link", { count: affiliationChecks })}
          </Link>
        </Notice>
      ) : null}
      <p className="max-w-3xl text-slate-700">{t("queue.intro")}</p>
      {actionData && !actionData.error && !actionData.result?.error ? <Notice>{t("queue.done")}</Notice> : null}
      {actionData?.error ? <FormErrors errors={[actionData.error]} /> : null}
      {empty ? <p>{t("queue.empty")}</p> : null}

      <Section id="requests" title={t("queue.requests")} count={requests.length}>
        {requests.map((request) => (
          <Item key={request.id} id={`request-${request.id}`}>
            <Link to={`/requests/${request.id}`} className="font-semibold text-brand-700 underline">
              {request.title}
            </Link>
            <p className="text-sm text-slate-600">
              {request.companyName} ({t(`request.visibility.${request.visibility}` as "request.visibility.public")}) ·{" "}
              {request.author.name} · {formatDate(lang, request.createdAt)}
            </p>
            <p className="mt-1 line-clamp-3 text-sm">{request.problem}</p>
            {review("request", request.id)}
          </Item>
        ))}
      </Section>

      <Section id="listings" title={t("queue.listings")} count={listings.length}>
        {listings.map((listing) => (
          <Item key={listing.id} id={`listing-${listing.id}`}>
            <p className="font-semibold">
              {pick(lang, listing.nameVi, listing.nameEn)} {listing.acronym ? `(${listing.acronym})` : null}
            </p>
            <p className="text-sm text-slate-600">
              {t(`kind.${listing.kind}` as MessageKey)}
              {listing.parent ? ` · ${pick(lang, listing.parent.nameVi, listing.parent.nameEn)}` : ""}
              {listing.revisions[0]
                ? ` · ${t("queue.proposedBy", { name: listing.revisions[0].author.name, date: formatDate(lang, listing.createdAt) })}`
                : ""}
            </p>
            {listing.website ? <p className="text-sm break-all">{listing.website}</p> : null}
            {listing.duplicates.length ? (
              <div role="note" className="mt-2 rounded-lg border border-amber-300 bg-amber-50 p-3">
                <p className="text-sm font-semibold">{t("dup.queueWarning")}</p>
                <DuplicateList duplicates={listing.duplicates} />
              </div>
            ) : null}
            <p className="mt-1 line-clamp-4 text-sm">{pick(lang, listing.summaryVi, listing.summaryEn)}</p>
            {review("listing", listing.id)}
          </Item>
        ))}
      </Section>

      <Section id="offers" title={t("queue.offers")} count={offers.length}>
        {offers.map((offer) => (
          <Item key={offer.id} id={`offer-${offer.id}`}>
            <PendingOffer offer={offer} />
            {review("offer", offer.id)}
          </Item>
        ))}
      </Section>

      <Section id="events" title={t("queue.events")} count={events.length}>
        {events.map((event) => (
          <Item key={event.id} id={`event-${event.id}`}>
            <Link to={`/events/${event.slug}`} className="font-semibold text-brand-700 underline">
              {pick(lang, event.titleVi, event.titleEn)}
            </Link>
            <p className="text-sm text-slate-600">{eventTimeRange(lang, event.startsAt, event.endsAt)}</p>
            <p className="text-sm text-slate-600">
              {t("queue.eventBy", {
                organizer: event.organization
                  ? pick(lang, event.organization.nameVi, event.organization.nameEn)
                  : (event.organizerName ?? ""),
                name: event.author ?? "",
              })}
            </p>
            <p className="mt-1 line-clamp-3 text-sm">{pick(lang, event.descriptionVi, event.descriptionEn)}</p>
            {review("event", event.id)}
          </Item>
        ))}
      </Section>

      <Section id="revisions" title={t("queue.revisions")} count={revisions.length}>
        {revisions.map((revision) => (
          <Item key={revision.id} id={`revision-${revision.id}`}>
            <Link
              to={`/organizations/${revision.organization.slug}`}
              className="font-semibold text-brand-700 underline"
            >
              {pick(lang, revision.organization.nameVi, revision.organization.nameEn)}
            </Link>
            <p className="text-sm text-slate-600">
              {t("queue.proposedBy", { name: revision.author, date: formatDate(lang, revision.createdAt) })}
            </p>
            {revision.changes.length ? (
              <div className="mt-2 overflow-x-auto">
                <table className="w-full text-left text-sm">
                  <ChangeTableHead />
                  <tbody>
                    {revision.changes.map((change) => (
                      <tr key={change.field} className="border-b border-slate-100 align-top">
                        <th scope="row" className="p-1 font-mono font-normal">
                          {change.field}
                        </th>
                        <td className="p-1 break-words text-red-800">
                          <del>{change.before}</del>
                        </td>
                        <td className="p-1 break-words text-green-800">
                          <ins>{change.after}</ins>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p className="text-sm">{t("queue.noChange")}</p>
            )}
            {review("revision", revision.id)}
          </Item>
        ))}
      </Section>

      <Section id="profiles" title={t("queue.profiles")} count={profiles.length}>
        {profiles.map((profile) => (
          <Item key={profile.id} id={`profile-${profile.id}`}>
            <Link to={`/experts/${profile.slug}`} className="font-semibold text-brand-700 underline">
              {profile.fullName}
            </Link>
            <p className="text-sm text-slate-600">
              {[
                profile.position,
                profile.affiliation ? pick(lang, profile.affiliation.nameVi, profile.affiliation.nameEn) : null,
              ]
                .filter(Boolean)
                .join(" · ")}{" "}
              · {formatDate(lang, profile.updatedAt)}
            </p>
            <p className="mt-1 text-sm">{profile.keywords.split("\n").join(", ")}</p>
            <p className="mt-1 line-clamp-3 text-sm">{pick(lang, profile.bioVi, profile.bioEn)}</p>
            {review("profile", profile.id)}
          </Item>
        ))}
      </Section>

      <Section id="claims" title={t("queue.claims")} count={claims.length}>
        {claims.map((claim) => (
          <Item key={claim.id} id={`claim-${claim.id}`}>
            <p className="font-semibold">
              {claim.user.name} →{" "}
              <Link to={`/organizations/${claim.organization.slug}`} className="text-brand-700 underline">
                {pick(lang, claim.organization.nameVi, claim.organization.nameEn)}
              </Link>
            </p>
            <p className="text-sm text-slate-600">
              {claim.user.email} · {formatDate(lang, claim.createdAt)}
            </p>
            <p className="mt-1 whitespace-pre-line text-sm">{claim.message}</p>
            {review("claim", claim.id)}
          </Item>
        ))}
      </Section>

      <Section id="stale" title={t("queue.stale")} count={stale.length}>
        {stale.map((organization) => (
          <Item key={organization.id} id={`stale-${organization.id}`}>
            <Link to={`/organizations/${organization.slug}`} className="font-semibold text-brand-700 underline">
              {pick(lang, organization.nameVi, organization.nameEn)}
            </Link>
            <p className="text-sm text-slate-600">
              {t("queue.staleSince", { date: formatDate(lang, organization.staleSince!) })} ·{" "}
              {t("queue.managers", { count: organization._count.managers })}
            </p>
            <Form method="post" className="mt-2 flex flex-wrap gap-2">
              <input type="hidden" name="kind" value="stale" />
              <input type="hidden" name="id" value={organization.id} />
              <SubmitButton tone="secondary">{t("queue.confirm")}</SubmitButton>
              <Link to={`/organizations/${organization.slug}/edit`} className="self-center text-brand-700 underline">
                {t("org.edit")}
              </Link>
            </Form>
          </Item>
        ))}
      </Section>
    </div>
  );
}

function Section({ id, title, count, children }: { id: string; title: string; count: number; children: ReactNode }) {
  if (count === 0) return null;
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3">
      <h2 id={`${id}-title`} className="text-xl font-semibold">
        {title} <span className="text-slate-600">({count})</span>
      </h2>
      <ul className="space-y-4">{children}</ul>
    </section>
  );
}

function Item({ id, children }: { id: string; children: ReactNode }) {
  return (
    <li id={id} className="rounded-2xl border border-slate-200 bg-white p-5">
      {children}
    </li>
  );
}

function ReviewForm({ kind, id, errors }: { kind: string; id: string; errors: string[] | undefined }) {
  const t = useT();
  return (
    <Form method="post" className="mt-3 space-y-2">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <div>
        <label htmlFor={`preset-${kind}-${id}`} className="block text-sm font-medium text-slate-800">
          {t("reject.preset")}
        </label>
        <select
          id={`preset-${kind}-${id}`}
          name="preset"
          defaultValue=""
          className="mt-1 w-full rounded-lg border border-slate-300 p-2"
          onChange={(event) => {
            // Fills the reason, which stays editable; "write your own" leaves what was typed.
            const note = event.currentTarget.form?.elements.namedItem("note");
            if (note instanceof HTMLTextAreaElement && event.currentTarget.value) {
              note.value = t(`reject.reason.${event.currentTarget.value}` as MessageKey);
            }
          }}
        >
          <option value="">{t("reject.choose")}</option>
          {REJECT_REASONS.map((reason) => (
            <option key={reason} value={reason}>
              {t(`reject.reason.${reason}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <ReviewDecision errors={errors} />
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
