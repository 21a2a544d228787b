import { parseWithZod } from "@conform-to/zod/v3";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, SelectField, SubmitButton } from "~/components/forms";
import { NoteField } from "~/components/note-field";
import { MatchReasons } from "~/components/match-reasons";
import { PageHeader } from "~/components/page";
import { RequestCard } from "~/components/request-card";
import { SimplePager } from "~/components/simple-pager";
import { Badge } from "~/components/ui/badge";
import { ButtonLink } from "~/components/ui/button";
import { Notice } from "~/components/ui/notice";
import { requireUser } from "~/auth/auth.server";
import { hit, LIMITS } from "~/auth/rate-limit.server";
import { NOT_FOR_ME_REASONS } from "~/domain/request-values";
import { useT } from "~/i18n/i18n";
import { declineRequest, requestsForYou, undoDecline } from "~/models/requests-for-you.server";
import { keepRetryAfter } from "~/utils/headers";
import { titled } from "~/utils/meta";
import { readForm } from "~/utils/misc";
import { NOT_FOR_ME_NOTE_MAX, NotForMeSchema, UndoNotForMeSchema } from "~/validation/request";
import { rateLimited } from "~/validation/submission.server";

export const meta: MetaFunction = (args) => titled(args, (t) => t("forYou.title"));

export const headers = keepRetryAfter;

export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const page = Number(new URL(args.request.url).searchParams.get("page"));
  return { list: await requestsForYou(user.id, Number.isInteger(page) && page > 0 ? page : 1) };
}

/** "Not for me" and its undo; each for the signed-in researcher's own profile only. */
export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const formData = await readForm(args.request);
  const undo = formData.get("intent") === "undo-not-for-me";
  const submission = parseWithZod(formData, { schema: undo ? UndoNotForMeSchema : NotForMeSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const wait = await hit(LIMITS.writesPerUser, user.id);
  if (wait > 0) return rateLimited((options) => submission.reply(options), wait);
  const { requestId } = submission.value;
  if (submission.value.intent === "undo-not-for-me") {
    await undoDecline(user.id, requestId);
    return redirect("/me/requests-for-you?undone=1");
  }
  const { reason, note } = submission.value;
  await declineRequest(user.id, requestId, { reason, note });
  return redirect(`/me/requests-for-you?declined=${encodeURIComponent(requestId)}`);
}

export default function RequestsForYou() {
  const { list } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const declined = searchParams.get("declined");
  // A refused "not for me" opens its own item's form again, with its messages.
  const refused = actionData?.result.initialValue?.requestId;
  const errors = actionData?.result.error ?? undefined;
  if (list === null) {
    return (
      <div className="mx-auto max-w-3xl space-y-4">
        <PageHeader title={t("forYou.title")} />
        <Notice>{t("forYou.needProfile")}</Notice>
        <ButtonLink to="/me/profile">{t("forYou.publishProfile")}</ButtonLink>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader title={t("forYou.title")} />
      <p className="text-sm text-slate-600">{t("forYou.intro")}</p>
      {declined ? (
        <Notice>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <span>{t("forYou.declined")}</span>
            <Form method="post">
              <input type="hidden" name="requestId" value={declined} />
              <SubmitButton name="intent" value="undo-not-for-me" tone="secondary" className="text-sm">
                {t("forYou.undo")}
              </SubmitButton>
            </Form>
          </div>
        </Notice>
      ) : null}
      {searchParams.get("undone") ? <Notice>{t("forYou.undone")}</Notice> : null}
      {typeof refused !== "string" ? <FormErrors reply={actionData?.result} /> : null}
      {list.total === 0 ? (
        <div className="space-y-3 rounded-2xl border border-slate-200 bg-white p-5">
          <p>{t("forYou.empty")}</p>
          <div className="flex flex-wrap gap-2">
            <ButtonLink to="/me/profile" variant="secondary">
              {t("forYou.emptyProfile")}
            </ButtonLink>
            <ButtonLink to="/requests">{t("forYou.browse")}</ButtonLink>
          </div>
        </div>
      ) : null}
      <ul className="space-y-4">
        {list.items.map(({ request, reasons, invitation, response }) => (
          <li key={request.id} id={`request-${request.id}`} data-for-you={request.id} className="space-y-2">
            <RequestCard request={request} />
            <div className="space-y-3 rounded-xl border border-slate-200 bg-slate-50 p-4">
              {invitation || response ? (
                <div className="flex flex-wrap gap-2">
                  {invitation ? <Badge tone="brand">{t("forYou.invited")}</Badge> : null}
                  {response ? <Badge tone="success">{t("forYou.responded")}</Badge> : null}
                </div>
              ) : null}
              {reasons?.length ? (
                <div>
                  <h3 className="text-sm font-semibold">{t("forYou.why")}</h3>
                  <MatchReasons reasons={reasons} />
                </div>
              ) : null}
              {invitation?.note ? (
                <figure>
                  <figcaption className="text-sm font-semibold">{t("forYou.inviteNote")}</figcaption>
                  <blockquote className="mt-1 border-l-4 border-brand-200 pl-3 text-sm whitespace-pre-line break-words">
                    {invitation.note}
                  </blockquote>
                </figure>
              ) : null}
              <div className="flex flex-wrap items-center gap-3">
                <Link to={`/requests/${request.id}#respond`} className="text-sm font-medium text-brand-700 underline">
                  {response ? t("forYou.seeResponse") : t("forYou.respond")}
                </Link>
              </div>
              <NotForMeForm
                requestId={request.id}
                errors={refused === request.id ? errors : undefined}
                typed={refused === request.id ? actionData?.result.initialValue : undefined}
              />
            </div>
          </li>
        ))}
      </ul>
      <SimplePager page={list.page} pages={list.pages} href={(page) => `/me/requests-for-you?page=${page}`} />
    </div>
  );
}

type Errors = Record<string, string[] | null> | undefined;

/** "Not for me": a reason and a note, both optional; opens by itself without a script. */
function NotForMeForm({
  requestId,
  errors,
  typed,
}: {
  requestId: string;
  errors: Errors;
  typed: Record<string, unknown> | null | undefined;
}) {
  const t = useT();
  const value = (name: string) => (typeof typed?.[name] === "string" ? (typed[name] as string) : "");
  return (
    <details open={Boolean(errors)} className="text-sm">
      <summary className="cursor-pointer font-medium text-slate-700">{t("forYou.notForMe")}</summary>
      <Form method="post" className="mt-2 space-y-3">
        <p className="text-slate-600">{t("forYou.notForMeHint")}</p>
        <input type="hidden" name="requestId" value={requestId} />
        <FormErrors errors={errors?.requestId ?? undefined} />
        <SelectField
          label={t("forYou.reason")}
          name="reason"
          placeholder={t("forYou.reasonNone")}
          defaultValue={value("reason")}
          errors={errors?.reason ?? undefined}
          options={NOT_FOR_ME_REASONS.map((reason) => ({ value: reason, label: t(`forYou.reason.${reason}`) }))}
        />
        <NoteField
          label={t("forYou.note")}
          hint={t("forYou.noteHint", { max: NOT_FOR_ME_NOTE_MAX })}
          max={NOT_FOR_ME_NOTE_MAX}
          defaultValue={value("note")}
          errors={errors?.note}
        />
        <SubmitButton name="intent" value="not-for-me" tone="secondary">
          {t("forYou.notForMe")}
        </SubmitButton>
      </Form>
    </details>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
