import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ParentLink } from "~/components/page";
import { ReviewDecision } from "~/components/review-decision";
import { ThreadLink } from "~/components/thread-link";
import { RequestQuestions } from "~/components/request-questions";
import { ConfidentialSection } from "~/components/confidential-section";
import { confidentialFor, questionsOn } from "~/models/request-talk.server";
import { ErrorList, Field, FormErrors, IntentForm, SelectField, SubmitButton, TextareaField } from "~/components/forms";
import { Badge } from "~/components/ui/badge";
import { Button, ButtonLink } from "~/components/ui/button";
import { Notice } from "~/components/ui/notice";
import { formatDate, pick, useLanguage, useT } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/messages";
import { getSuggestions } from "~/models/matching.server";
import { MatchReasons } from "~/components/match-reasons";
import { NoteField } from "~/components/note-field";
import { OFFER_TYPE_LABELS, type OfferType } from "~/domain/offer-values";
import { getRequest, visibleRequest } from "~/models/request.server";
import { shownFeedback } from "~/models/responsiveness.server";
import { RequesterFeedbackLine, ResponseStanding } from "~/components/response-standing";
import { awaitsFeedback, feedbackWindowEnd, takesDecisions } from "~/domain/feedback";
import {
  getOwnResponse,
  invitedExpertIds as invitedExperts,
  responseEligibility,
  responsesToRequest,
} from "~/models/response.server";
import { getUser, requireUser } from "~/auth/auth.server";
import { findDistrict } from "~/domain/districts";
import { findWard, wardLabel } from "~/domain/wards";
import { displayName } from "~/domain/expert-values";
import { newFormToken } from "~/auth/form-token.server";
import { titled } from "~/utils/meta";
import { invariantResponse, readForm } from "~/utils/misc";
import { hasPermission } from "~/auth/permissions";
import { hit, LIMITS } from "~/auth/rate-limit.server";
import {
  BUDGET_LABELS,
  COMPANY_SIZE_LABELS,
  DECLINE_REASONS,
  OUTCOMES,
  RESPONSE_TRANSITIONS,
  SECTOR_LABELS,
  TRL_LABELS,
  type Budget,
  type CompanySize,
  type ResponseStatus,
  type Sector,
} from "~/domain/request-values";
import { problem } from "~/validation/messages";
import { INVITE_NOTE_MAX } from "~/validation/request";
import { keepRetryAfter } from "~/utils/headers";
import { runIntent } from "./__request-actions.server";

export const meta: MetaFunction<typeof loader> = (args) =>
  titled(args, (t) => (args.data ? args.data.request.title : t("error.404")), {
    description: args.data?.request.problem,
  });

export async function loader(args: LoaderFunctionArgs) {
  const id = args.params.id ?? "";
  invariantResponse(/^[a-z0-9]{10,40}$/.test(id), "Not found", { status: 404 });
  const user = getUser(args);
  const found = await getRequest(id);
  const request = found ? visibleRequest(found, user) : null;
  invariantResponse(request, "Not found", { status: 404 });

  const isAuthor = request.isAuthor;
  const hasQuestions = !["pending", "rejected"].includes(request.status);
  // Not for an anonymous request: its requester's figures would point to who asked.
  const requester =
    request.visibility === "anonymous" && !isAuthor
      ? null
      : found!.organizationId
        ? { organizationId: found!.organizationId }
        : { authorId: found!.authorId };
  const [suggestions, responses, invitedExpertIds, eligibility, ownResponse, questions, confidential, feedback] =
    await Promise.all([
      isAuthor ? getSuggestions(id) : Promise.resolve([]),
      isAuthor ? responsesToRequest(id, user!.id) : Promise.resolve([]),
      isAuthor ? invitedExperts(id) : Promise.resolve([]),
      !isAuthor && user ? responseEligibility(id, user) : Promise.resolve(null),
      user && !isAuthor ? getOwnResponse(id, user.id) : Promise.resolve(null),
      // A request the public cannot see has no question thread, not even for its author or officials.
      hasQuestions ? questionsOn(id) : Promise.resolve([]),
      confidentialFor(found!, user?.id ?? null),
      shownFeedback(requester),
    ]);
  return {
    request,
    signedIn: Boolean(user),
    canReview: request.status === "pending" && hasPermission(user, "request:review"),
    suggestions,
    responses,
    invitedExpertIds,
    eligibility,
    ownResponse,
    questions,
    hasQuestions,
    // Who may do what in the questions: the author answers, other members of an open request ask.
    questionRole: isAuthor
      ? ("answer" as const)
      : request.status !== "open"
        ? null
        : user
          ? ("ask" as const)
          : ("signIn" as const),
    confidential,
    feedback,
    formToken: newFormToken(),
  };
}

export const headers = keepRetryAfter;

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const id = args.params.id ?? "";
  const request = await getRequest(id);
  invariantResponse(request && visibleRequest(request, user), "Not found", { status: 404 });
  const formData = await readForm(args.request);
  const intent = formData.get("intent");
  const wait = await hit(LIMITS.writesPerUser, user.id);
  if (wait > 0) {
    const error = problem("form.tooManyAttempts", { minutes: Math.ceil(wait / 60_000) });
    const headers = { "Retry-After": String(Math.ceil(wait / 1000)) };
    return data(
      { intent: typeof intent === "string" ? intent : null, result: undefined, error },
      { status: 429, headers },
    );
  }
  return runIntent(intent, { id, user, request, formData });
}

export default function RequestPage() {
  const {
    request,
    signedIn,
    canReview,
    suggestions,
    responses,
    invitedExpertIds,
    eligibility,
    ownResponse,
    questions,
    hasQuestions,
    questionRole,
    confidential,
    feedback,
    formToken,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const lang = useLanguage();
  const district = findDistrict(request.district);
  const ward = findWard(request.ward);
  const errorsFor = (intent: string) => (actionData?.intent === intent ? actionData.result?.error : undefined);
  // What was typed in a refused form comes back in it; otherwise the saved text, if any.
  const typed = (intent: string, name: string, saved = "") => {
    const sent =
      actionData?.intent === intent
        ? (actionData.result?.initialValue as Record<string, unknown> | undefined)?.[name]
        : undefined;
    return typeof sent === "string" ? sent : saved;
  };
  const invited = new Set(invitedExpertIds);
  // A refused invitation's note comes back in its own expert's form, with its message.
  const refusedInvite = (expertId: string) => typed("invite", "expertId") === expertId;
  const inviteNote = (expertId: string) => (refusedInvite(expertId) ? typed("invite", "note") : "");
  const inviteErrors = (expertId: string) =>
    refusedInvite(expertId) ? (errorsFor("invite")?.note ?? undefined) : undefined;
  // A suggestion whose expert or listing is gone (deleted meanwhile) is left out.
  const expertSuggestions = suggestions.flatMap(({ expert, ...suggestion }) =>
    suggestion.targetType === "expert" && expert ? [{ ...suggestion, expert }] : [],
  );
  const organizationSuggestions = suggestions.flatMap(({ organization, ...suggestion }) =>
    suggestion.targetType === "organization" && organization ? [{ ...suggestion, organization }] : [],
  );
  const offerSuggestions = suggestions.flatMap(({ offer, ...suggestion }) =>
    suggestion.targetType === "offer" && offer ? [{ ...suggestion, offer }] : [],
  );
  const [searchParams] = useSearchParams();
  const sentNow = searchParams.has("sent");
  // Where the author's edit form leads back to, with what the save did.
  const edited = (["saved", "unchanged", "resubmitted", "review"] as const).find(
    (outcome) => searchParams.get("edited") === outcome,
  );

  return (
    <article className="space-y-6">
      <ParentLink to={request.isAuthor ? "/me/requests" : "/requests"}>
        {request.isAuthor ? t("requests.mine") : t("requests.title")}
      </ParentLink>
      {actionData?.error ? <FormErrors errors={[actionData.error]} /> : null}
      {request.status === "pending" ? (
        <Notice tone="warning">{t(request.isAuthor ? "request.pendingNotice" : "request.pendingReviewNotice")}</Notice>
      ) : null}
      {request.status === "rejected" && request.reviewNote ? (
        <Notice tone="error">{t("request.rejectedNotice", { note: request.reviewNote })}</Notice>
      ) : null}
      {sentNow ? <Notice>{t("response.sent")}</Notice> : null}
      {edited ? <Notice>{t(`request.edited.${edited}`)}</Notice> : null}

      <header className="rounded-2xl border border-slate-200 bg-white p-5 sm:p-8">
        <div className="flex flex-wrap gap-2">
          <Badge tone={request.status === "open" ? "success" : "neutral"}>
            {t(`request.status.${request.status}` as MessageKey)}
          </Badge>
          {request.outcome ? <Badge>{t(`request.outcome.${request.outcome}` as MessageKey)}</Badge> : null}
          {request.visibility === "anonymous" ? <Badge>{t("request.anonymousCompany")}</Badge> : null}
          {request.requesterType === "agency" ? <Badge tone="brand">{t("requester.agencyBadge")}</Badge> : null}
        </div>
        <h1 className="mt-3 text-2xl font-bold sm:text-3xl">{request.title}</h1>
        {request.isAuthor && ["pending", "rejected", "open"].includes(request.status) ? (
          <ButtonLink to={`/requests/${request.id}/edit`} variant="secondary" size="sm" className="mt-2">
            {t("request.edit")}
          </ButtonLink>
        ) : null}
        <p className="mt-1 text-slate-700">
          {request.companyName ?? t("request.anonymousCompany")} ·{" "}
          {[
            SECTOR_LABELS[request.sector as Sector]?.[lang],
            COMPANY_SIZE_LABELS[request.companySize as CompanySize]?.[lang],
            ward ? wardLabel(ward, lang) : null,
            district?.[lang],
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
        <RequesterFeedbackLine figures={feedback} />
        <dl className="mt-4 grid gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-600">{t("request.trl")}</dt>
            <dd>{TRL_LABELS[request.trl]?.[lang]}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("request.budget")}</dt>
            <dd>{BUDGET_LABELS[request.budget as Budget]?.[lang]}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("request.deadline")}</dt>
            <dd>{formatDate(lang, request.deadline)}</dd>
          </div>
        </dl>
        <h2 className="mt-6 text-lg font-semibold">{t("request.problem")}</h2>
        <p className="mt-1 whitespace-pre-line leading-relaxed">{request.problem}</p>
        <h2 className="mt-4 text-lg font-semibold">{t("request.desiredOutcome")}</h2>
        <p className="mt-1 whitespace-pre-line leading-relaxed">{request.desiredOutcome}</p>
        <p className="sr-only">{t("request.fields")}</p>
        <ul className="mt-4 flex flex-wrap gap-2">
          {request.fields.map((field) => (
            <li key={field.slug}>
              <Badge tone="brand">{lang === "vi" ? field.nameVi : field.nameEn}</Badge>
            </li>
          ))}
        </ul>
      </header>

      {confidential ? <ConfidentialSection access={confidential} errors={errorsFor("accept-terms")?.agree} /> : null}

      {canReview ? (
        <section aria-labelledby="review" className="rounded-2xl border border-amber-300 bg-amber-50 p-5">
          <h2 id="review" className="text-lg font-semibold">
            {t("admin.requests")}
          </h2>
          <Form method="post" className="mt-3 space-y-3">
            <ReviewDecision errors={errorsFor("reject")?.note} />
          </Form>
        </section>
      ) : null}

      {request.isAuthor && request.status === "open" ? (
        <section aria-labelledby="suggestions" className="rounded-2xl border border-slate-200 bg-white p-5">
          <h2 id="suggestions" className="text-lg font-semibold">
            {t("suggestions.title")}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{t("suggestions.intro")}</p>
          {suggestions.length === 0 ? <p className="mt-3 text-sm">{t("suggestions.none")}</p> : null}
          <div className="mt-4 grid gap-6 lg:grid-cols-2">
            {expertSuggestions.length > 0 ? (
              <div>
                <h3 className="font-semibold">{t("suggestions.experts")}</h3>
                <ol className="mt-2 space-y-3">
                  {expertSuggestions.map((suggestion) => (
                    <li
                      key={suggestion.id}
                      className="rounded-lg border border-slate-200 p-3"
                      data-suggestion={suggestion.expert.slug}
                    >
                      <div className="flex flex-wrap items-start justify-between gap-2">
                        <div>
                          <Link
                            to={`/experts/${suggestion.expert.slug}`}
                            className="font-medium text-brand-700 underline"
                          >
                            {displayName(suggestion.expert!, lang)}
                          </Link>
                          {suggestion.expert.affiliation ? (
                            <p className="text-sm text-slate-600">
                              {suggestion.expert.affiliation.acronym ??
                                pick(lang, suggestion.expert.affiliation.nameVi, suggestion.expert.affiliation.nameEn)}
                            </p>
                          ) : null}
                        </div>
                        {invited.has(suggestion.expert.id) ? (
                          <Badge tone="success">{t("suggestions.invited")}</Badge>
                        ) : null}
                      </div>
                      <MatchReasons reasons={suggestion.reasons} />
                      {invited.has(suggestion.expert.id) ? null : (
                        <InviteForm
                          expertId={suggestion.expert.id}
                          note={inviteNote(suggestion.expert.id)}
                          errors={inviteErrors(suggestion.expert.id)}
                        />
                      )}
                    </li>
                  ))}
                </ol>
              </div>
            ) : null}
            {organizationSuggestions.length > 0 ? (
              <div>
                <h3 className="font-semibold">{t("suggestions.organizations")}</h3>
                <ol className="mt-2 space-y-3">
                  {organizationSuggestions.map((suggestion) => (
                    <li key={suggestion.id} className="rounded-lg border border-slate-200 p-3">
                      <Link
                        to={`/organizations/${suggestion.organization.slug}`}
                        className="font-medium text-brand-700 underline"
                      >
                        {pick(lang, suggestion.organization.nameVi, suggestion.organization.nameEn)}
                      </Link>
                      <MatchReasons reasons={suggestion.reasons} />
                    </li>
                  ))}
                </ol>
              </div>
            ) : null}
            {offerSuggestions.length > 0 ? (
              <div id="offer-suggestions" className="lg:col-span-2">
                <h3 className="font-semibold">{t("suggestions.offers")}</h3>
                <ol className="mt-2 grid gap-3 lg:grid-cols-2">
                  {offerSuggestions.map(({ offer, ...suggestion }) => (
                    <li
                      key={suggestion.id}
                      className="rounded-lg border border-slate-200 p-3"
                      data-offer-suggestion={offer.id}
                    >
                      <Link to={`/offers/${offer.id}`} className="font-medium text-brand-700 underline">
                        {pick(lang, offer.nameVi, offer.nameEn)}
                      </Link>
                      <p className="text-sm text-slate-600">
                        {OFFER_TYPE_LABELS[offer.type as OfferType]?.[lang] ?? offer.type}
                        {" · "}
                        {offer.organization
                          ? (offer.organization.acronym ??
                            pick(lang, offer.organization.nameVi, offer.organization.nameEn))
                          : offer.ownerExpert?.fullName}
                      </p>
                      <MatchReasons reasons={suggestion.reasons} />
                    </li>
                  ))}
                </ol>
              </div>
            ) : null}
          </div>
        </section>
      ) : null}

      {request.isAuthor ? (
        <section
          id="responses"
          aria-labelledby="responses-title"
          className="rounded-2xl border border-slate-200 bg-white p-5"
        >
          <h2 id="responses-title" className="text-lg font-semibold">
            {t("responses.title")}
          </h2>
          {responses.length === 0 ? <p className="mt-2 text-sm">{t("responses.none")}</p> : null}
          <FeedbackWindow request={request} waiting={responses.filter(awaitsFeedback).length} />
          <ol className="mt-3 space-y-4">
            {responses.map((response) => {
              // After the feedback window no decision is taken: no buttons that would be refused.
              const next = takesDecisions(request) ? RESPONSE_TRANSITIONS[response.status as ResponseStatus] : [];
              return (
                <li
                  key={response.id}
                  className="rounded-lg border border-slate-200 p-4"
                  data-response={response.expert.slug}
                >
                  <div className="flex flex-wrap items-center gap-2">
                    <Link to={`/experts/${response.expert.slug}`} className="font-medium text-brand-700 underline">
                      {displayName(response.expert, lang)}
                    </Link>
                    <Badge tone={response.status === "accepted" ? "success" : "neutral"}>
                      {t(`response.status.${response.status}` as MessageKey)}
                    </Badge>
                    {response.invited ? <Badge tone="brand">{t("responses.invitedBadge")}</Badge> : null}
                    {awaitsFeedback(response) && takesDecisions(request) ? (
                      <Badge tone="brand">{t("feedback.needsAnswer")}</Badge>
                    ) : null}
                  </div>
                  <dl className="mt-2 space-y-2 text-sm">
                    <div>
                      <dt className="font-medium">{t("response.approach")}</dt>
                      <dd className="whitespace-pre-line">{response.approach}</dd>
                    </div>
                    <div>
                      <dt className="font-medium">{t("response.experience")}</dt>
                      <dd className="whitespace-pre-line">{response.experience}</dd>
                    </div>
                    <div>
                      <dt className="font-medium">{t("response.timeline")}</dt>
                      <dd className="whitespace-pre-line">{response.timeline}</dd>
                    </div>
                  </dl>
                  {response.declineReason ? (
                    <p className="mt-2 text-sm">
                      {t("response.declinedBecause", { reason: t(`decline.${response.declineReason}` as MessageKey) })}
                    </p>
                  ) : null}
                  {response.conversation ? (
                    <ThreadLink thread={response.conversation} className="mt-2" />
                  ) : response.match ? (
                    <Link
                      to={`/messages/${response.match.id}`}
                      className="mt-2 inline-block font-medium text-brand-700 underline"
                    >
                      {t("match.open")}
                    </Link>
                  ) : null}
                  {next.length > 0 ? (
                    <Form method="post" className="mt-3 flex flex-wrap items-end gap-2">
                      <input type="hidden" name="responseId" value={response.id} />
                      {next
                        .filter((status) => status !== "declined")
                        .map((status) => (
                          <Button key={status} type="submit" name="status" value={status} size="sm">
                            {t(`response.move.${status}` as MessageKey)}
                          </Button>
                        ))}
                      <input type="hidden" name="intent" value="move-response" />
                      {next.includes("declined") ? (
                        <div className="flex flex-wrap items-end gap-2">
                          <SelectField
                            label={t("response.declineReason")}
                            name="declineReason"
                            options={[
                              { value: "", label: "—" },
                              ...DECLINE_REASONS.map((reason) => ({
                                value: reason,
                                label: t(`decline.${reason}` as MessageKey),
                              })),
                            ]}
                          />
                          <Button type="submit" name="status" value="declined" variant="dangerOutline" size="sm">
                            {t("response.move.declined")}
                          </Button>
                        </div>
                      ) : null}
                    </Form>
                  ) : null}
                </li>
              );
            })}
          </ol>
          {actionData?.intent === "move-response" ? (
            <ErrorList errors={actionData.result?.error?.declineReason} />
          ) : null}
        </section>
      ) : null}

      {request.isAuthor && ["open", "expired"].includes(request.status) ? (
        <section
          aria-labelledby="manage"
          className="grid gap-4 rounded-2xl border border-slate-200 bg-white p-5 md:grid-cols-2"
        >
          <h2 id="manage" className="sr-only">
            {t("request.close")}
          </h2>
          <Form method="post" className="space-y-2">
            <Field
              label={t("request.deadline")}
              name="deadline"
              type="date"
              errors={errorsFor("renew")?.deadline}
              required
            />
            <SubmitButton name="intent" value="renew" tone="secondary">
              {t("request.renew")}
            </SubmitButton>
          </Form>
          <Form method="post" className="space-y-2">
            <SelectField
              label={t("request.outcome")}
              name="outcome"
              errors={errorsFor("close")?.outcome}
              options={OUTCOMES.map((outcome) => ({
                value: outcome,
                label: t(`request.outcome.${outcome}` as MessageKey),
              }))}
            />
            <SubmitButton name="intent" value="close" tone="danger">
              {t("request.close")}
            </SubmitButton>
          </Form>
        </section>
      ) : null}

      {hasQuestions ? (
        <RequestQuestions
          requestId={request.id}
          questions={questions}
          can={questionRole}
          formToken={formToken}
          refused={
            actionData?.intent === "ask" || actionData?.intent === "answer"
              ? {
                  intent: actionData.intent,
                  questionId: (actionData.result?.initialValue as Record<string, string> | undefined)?.questionId,
                  values: (actionData.result?.initialValue as Record<string, unknown> | undefined) ?? {},
                  errors: {
                    ...(actionData.result?.error ?? {}),
                    "": actionData.result?.error?.[""] ?? [],
                  },
                }
              : null
          }
        />
      ) : null}

      {!request.isAuthor && (request.status === "open" || ownResponse) ? (
        <section
          id="respond"
          aria-labelledby="respond-heading"
          className="scroll-mt-4 rounded-2xl border border-slate-200 bg-white p-5"
        >
          <h2 id="respond-heading" className="text-lg font-semibold">
            {ownResponse ? t("response.yours") : t("response.form.title")}
          </h2>
          {searchParams.has("saved") ? <Notice>{t("response.saved")}</Notice> : null}
          {searchParams.has("withdrawn") ? <Notice>{t("response.withdrawn")}</Notice> : null}
          {ownResponse ? (
            <div className="mt-2 space-y-3 text-sm">
              <ResponseStanding response={ownResponse} deadline={request.deadline} />
              {actionData?.error &&
              (actionData.intent === "edit-response" || actionData.intent === "withdraw-response") ? (
                <FormErrors errors={[actionData.error]} />
              ) : null}
              <OwnProposal response={ownResponse} />
              {ownResponse.status === "submitted" ? (
                <details
                  className="rounded-lg border border-slate-200 p-3"
                  open={actionData?.intent === "edit-response" || undefined}
                >
                  <summary className="cursor-pointer font-medium text-brand-700">{t("response.edit")}</summary>
                  <Form method="post" className="mt-3 space-y-3">
                    <p className="text-slate-600">{t("response.editHint")}</p>
                    <ProposalFields
                      values={(name) => typed("edit-response", name, ownResponse[name])}
                      errors={errorsFor("edit-response")}
                    />
                    <SubmitButton name="intent" value="edit-response">
                      {t("response.save")}
                    </SubmitButton>
                  </Form>
                </details>
              ) : null}
              {["submitted", "screening", "shortlisted"].includes(ownResponse.status) ? (
                <IntentForm intent="withdraw-response" label={t("response.withdraw")} className="space-y-2">
                  <p className="text-slate-600">{t("response.withdrawHint")}</p>
                </IntentForm>
              ) : null}
              {ownResponse.declineReason ? (
                <p>
                  {t("response.declinedBecause", { reason: t(`decline.${ownResponse.declineReason}` as MessageKey) })}
                </p>
              ) : null}
              {ownResponse.conversation ? (
                <ThreadLink thread={ownResponse.conversation} />
              ) : ownResponse.match ? (
                <Link to={`/messages/${ownResponse.match.id}`} className="font-medium text-brand-700 underline">
                  {t("match.open")}
                </Link>
              ) : null}
            </div>
          ) : !signedIn ? (
            <p className="mt-2 text-sm">
              <Link
                to={`/login?redirectTo=${encodeURIComponent(`/requests/${request.id}`)}`}
                className="text-brand-700 underline"
              >
                {t("response.signInToRespond")}
              </Link>
            </p>
          ) : eligibility && !eligibility.can ? (
            <p className="mt-2 text-sm">
              {eligibility.reason ? t(eligibility.reason) : null}{" "}
              {eligibility.reason === "response.needProfile" ? (
                <Link to="/me/profile" className="text-brand-700 underline">
                  {t("account.myProfile")}
                </Link>
              ) : null}
            </p>
          ) : (
            <Form method="post" className="mt-3 space-y-3">
              <p className="text-sm text-slate-600">{t("response.form.intro")}</p>
              <FormErrors
                errors={
                  actionData?.intent === "respond"
                    ? [...(actionData.result?.error?.[""] ?? []), ...(actionData.result?.error?.formToken ?? [])]
                    : undefined
                }
              />
              <input type="hidden" name="formToken" value={formToken} />
              <ProposalFields values={(name) => typed("respond", name)} errors={errorsFor("respond")} />
              <SubmitButton name="intent" value="respond">
                {t("response.submit")}
              </SubmitButton>
            </Form>
          )}
        </section>
      ) : null}
    </article>
  );
}

/** The business invites a suggested expert, with an optional personal note (no script needed). */
function InviteForm({ expertId, note, errors }: { expertId: string; note: string; errors?: string[] }) {
  const t = useT();
  return (
    <Form method="post" className="mt-2 space-y-2">
      <input type="hidden" name="expertId" value={expertId} />
      <details open={Boolean(errors?.length)}>
        <summary className="cursor-pointer text-sm text-brand-700">{t("forYou.invite.addNote")}</summary>
        <NoteField
          label={t("forYou.invite.note")}
          hint={t("forYou.invite.noteHint", { max: INVITE_NOTE_MAX })}
          max={INVITE_NOTE_MAX}
          rows={3}
          defaultValue={note}
          errors={errors}
          className="mt-2"
        />
      </details>
      <SubmitButton name="intent" value="invite" tone="secondary" className="text-sm">
        {t("suggestions.invite")}
      </SubmitButton>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary messages={{ 404: "error.404" }} />;
}

const PROPOSAL_FIELDS = [
  { name: "approach", minLength: 30, maxLength: 3000 },
  { name: "experience", minLength: 20, maxLength: 3000 },
  { name: "timeline", minLength: 5, maxLength: 500 },
] as const;
type ProposalField = (typeof PROPOSAL_FIELDS)[number]["name"];

/** The author's feedback window: until when each proposal can be answered, and how many wait. */
function FeedbackWindow({
  request,
  waiting,
}: {
  request: { status: string; deadline: Date | string };
  waiting: number;
}) {
  const t = useT();
  const lang = useLanguage();
  if (!["open", "expired"].includes(request.status)) return null;
  const date = formatDate(lang, feedbackWindowEnd(request.deadline));
  if (!takesDecisions(request)) return <Notice tone="warning">{t("feedback.window.closed", { date })}</Notice>;
  return (
    <p className="mt-2 text-sm text-slate-700" data-feedback-window>
      {t("feedback.window.open", { date })} {waiting > 0 ? t("feedback.window.waiting", { count: waiting }) : null}
    </p>
  );
}

/** A proposal's three fields, as the new-proposal and the edit forms show them. */
function ProposalFields({
  values,
  errors,
}: {
  values: (name: ProposalField) => string;
  errors?: Record<string, string[] | null | undefined> | null;
}) {
  const t = useT();
  return PROPOSAL_FIELDS.map(({ name, minLength, maxLength }) => (
    <TextareaField
      key={name}
      label={t(`response.${name}`)}
      name={name}
      minLength={minLength}
      maxLength={maxLength}
      required
      defaultValue={values(name)}
      errors={errors?.[name]}
    />
  ));
}

/** The researcher's own proposal, as the business reads it. */
function OwnProposal({ response }: { response: { approach: string; experience: string; timeline: string } }) {
  const t = useT();
  return (
    <dl className="space-y-2">
      {(
        [
          ["response.approach", response.approach],
          ["response.experience", response.experience],
          ["response.timeline", response.timeline],
        ] as const
      ).map(([label, value]) => (
        <div key={label}>
          <dt className="font-medium text-slate-800">{t(label)}</dt>
          <dd className="whitespace-pre-line text-slate-700">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
