import { parseWithZod } from "@conform-to/zod/v3";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Fragment, useEffect, useRef, useState, type MouseEvent } from "react";
import { BookingPanel } from "~/components/booking-panel";
import { MeetingPanel } from "~/components/meeting-panel";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ParentLink } from "~/components/page";
import { Field, FormErrors, SubmitButton, TextareaField } from "~/components/forms";
import { ThreadMessages } from "~/components/thread";
import { useLiveThread } from "~/components/use-live-thread";
import { pick, useLanguage, useT } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/messages";
import { conversationUrl } from "~/domain/conversation";
import {
  blockStarter,
  conversationForMember,
  hidesStarter,
  isStarterBlocked,
  listMessages,
  markConversationRead,
  SenderBlocked,
  sendMessage,
} from "~/models/conversation.server";
import { problem } from "~/validation/messages";
import { Button } from "~/components/ui/button";
import { Notice } from "~/components/ui/notice";
import { Badge } from "~/components/ui/badge";
import { bookingForConversation } from "~/models/booking.server";
import { bookingStepAction, isBookingIntent } from "./__booking-actions.server";
import { isMeetingIntent, meetingStepAction } from "./__meeting-actions.server";
import { meetingForConversation } from "~/models/meeting.server";
import { requireUser } from "~/auth/auth.server";
import { displayName } from "~/domain/expert-values";
import { newFormToken } from "~/auth/form-token.server";
import { titled } from "~/utils/meta";
import { invariantResponse, readForm } from "~/utils/misc";
import { hit, LIMITS } from "~/auth/rate-limit.server";
import { rateLimited } from "~/validation/submission.server";
import { MessageSchema } from "~/validation/request";
import { keepRetryAfter } from "~/utils/headers";
import { ATTACHMENT_ACCEPT, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from "~/domain/message-attachment";
import { checkAttachments } from "~/models/message-attachment.server";
import { MessageWithFilesSchema } from "~/validation/conversation";
import type { BodyLimitHandle } from "~/server/body-limits.server";
import { threadMessages } from "./__thread.server";
import { isMultipart, uploadGate } from "./__upload-gate.server";
import { AgreementPanel } from "~/components/agreement-panel";
import { agreementAction, agreementSection, isAgreementIntent } from "./__agreement-actions.server";

/** A request's conversations: a response's and the match it became. */
const THREAD_KINDS = ["response", "match"];

export const meta: MetaFunction<typeof loader> = (args) =>
  titled(args, (t) =>
    args.data ? t("conversation.title", { title: args.data.conversation.subject }) : t("error.404"),
  );

/** The message form may carry its files (docs/decisions/070); more is refused before it is read (413). */
export const handle: BodyLimitHandle = { maxBodyBytes: MAX_ATTACHMENTS * MAX_ATTACHMENT_BYTES + 64 * 1024 };

/** A conversation's thread: only its members may read or write (anyone else gets 404). */
export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const conversation = await conversationForMember(args.params.id ?? "", user.id);
  invariantResponse(conversation, "Not found", { status: 404 });
  const before = new URL(args.request.url).searchParams.get("before") ?? undefined;
  // Independent reads, all after the membership check above.
  const [page, blocked, booking, meeting, agreements] = await Promise.all([
    listMessages(conversation.id, { before }),
    THREAD_KINDS.includes(conversation.kind) ? Promise.resolve(false) : isStarterBlocked(conversation),
    conversation.kind === "booking" ? bookingForConversation(conversation.id, conversation.side) : null,
    conversation.kind === "meeting" ? meetingForConversation(conversation.id, user.id) : null,
    agreementSection(conversation, user.id),
  ]);
  // Opening it reads it: written only when something is new, so reloading the page writes nothing.
  if (!before && conversation.unread) await markConversationRead(conversation.id, user.id);
  const { starter, ownerUser, organization, offer, expert, match, response } = conversation;
  // An anonymous request's author is "the requester" to the researcher, in the heading and on messages.
  const hideStarter = conversation.side === "owner" && hidesStarter(conversation);
  const request = response?.request ?? match?.request ?? null;
  return {
    conversation: {
      id: conversation.id,
      kind: conversation.kind,
      subject: conversation.subject,
      // The other side, as this member sees it
      with:
        conversation.side === "starter"
          ? { person: ownerUser?.name ?? null, organization }
          : { person: hideStarter ? null : starter.name, organization: null },
      about: {
        request: request ? { id: request.id, title: request.title } : null,
        // Where the response stands (accepted, once the conversation is the match's)
        responseStatus: response?.status ?? null,
        offer,
        organization: organization
          ? { slug: organization.slug, nameVi: organization.nameVi, nameEn: organization.nameEn }
          : null,
        expert,
      },
    },
    messages: threadMessages(page.messages, conversation, user.id),
    older: page.older,
    // "Today" and "yesterday" are told from the server's clock, so both renderings agree.
    now: new Date().toISOString(),
    paged: Boolean(before),
    outcomeSaved: new URL(args.request.url).searchParams.get("outcome") === "saved",
    booking,
    meeting,
    agreements,
    // The contacted side may block the starter of an inquiry or a booking request.
    side: conversation.side,
    // A response's and a match's conversation are part of the request's flow: not blockable.
    canBlock: conversation.side === "owner" && !THREAD_KINDS.includes(conversation.kind),
    blocked,
    formToken: newFormToken(),
  };
}

export const headers = keepRetryAfter;

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const conversation = await conversationForMember(args.params.id ?? "", user.id);
  invariantResponse(conversation, "Not found", { status: 404 });
  // A body that may hold files is read only through the gate, which bounds the memory they take.
  if (!isMultipart(args.request)) return act(args, user, conversation);
  return uploadGate(user.id, () => act(args, user, conversation));
}

async function act(
  args: ActionFunctionArgs,
  user: ReturnType<typeof requireUser>,
  conversation: NonNullable<Awaited<ReturnType<typeof conversationForMember>>>,
) {
  const form = await readForm(args.request);
  if (isBookingIntent(form.get("intent"))) return bookingStepAction(conversation.id, user, form);
  if (isMeetingIntent(form.get("intent"))) return meetingStepAction(conversation.id, user, form);
  if (isAgreementIntent(form.get("intent"))) return agreementAction(conversation, user, form);
  if (form.get("intent") === "block") {
    if (conversation.side !== "owner" || THREAD_KINDS.includes(conversation.kind))
      throw new Response("You are not allowed to do this.", { status: 403 });
    await blockStarter(conversation.id, user.id);
    return redirect(conversationUrl(conversation.id));
  }
  // Files stay out of the form's fields: the words come back with a refusal, files cannot.
  const files = form.getAll("files").filter((value): value is File => typeof value !== "string");
  const fields = new FormData();
  for (const [name, value] of form) if (typeof value === "string") fields.append(name, value);
  const withFiles = files.some((file) => file.size > 0);
  const submission = parseWithZod(fields, { schema: withFiles ? MessageWithFilesSchema : MessageSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), withFiles }, { status: 400 });
  const wait = await hit(LIMITS.messagesPerUser, user.id);
  if (wait > 0) return rateLimited((options) => submission.reply(options), wait);
  const checked = await checkAttachments(files);
  if ("problem" in checked) {
    const reply = submission.reply({ fieldErrors: { files: [problem(`attachments.error.${checked.problem}`)] } });
    return data({ result: reply, withFiles }, { status: 400 });
  }
  for (const _ of checked.attachments) {
    const waitFiles = await hit(LIMITS.attachmentsPerUser, user.id);
    if (waitFiles > 0) return rateLimited((options) => submission.reply(options), waitFiles);
  }
  try {
    await sendMessage(
      conversation.id,
      user.id,
      submission.value.body ?? "",
      submission.value.formToken ?? newFormToken(),
      checked.attachments,
    );
  } catch (error) {
    // Told only that the listing does not take their messages: not who blocked them.
    if (!(error instanceof SenderBlocked)) throw error;
    return data({ result: submission.reply({ formErrors: [problem("inquiry.blocked")] }) }, { status: 403 });
  }
  return redirect(`${conversationUrl(conversation.id)}#latest`);
}

export default function ConversationThread() {
  const loaded = useLoaderData<typeof loader>();
  const { conversation, paged, formToken, booking, meeting, side, canBlock, blocked } = loaded;
  const actionData = useActionData<typeof action>();
  const t = useT();
  const lang = useLanguage();
  const formRef = useRef<HTMLFormElement>(null);
  // Emptied when the page's newest message changes after a send; what others write meanwhile leaves it alone.
  const newestLoaded = loaded.messages.at(-1)?.id;
  useEffect(() => formRef.current?.reset(), [newestLoaded]);
  const thread = useLiveThread({
    conversationId: conversation.id,
    messages: loaded.messages,
    older: loaded.older,
    now: loaded.now,
    live: !paged,
  });
  const { older } = thread;
  // With JavaScript the older page loads above the one shown; without, the link opens it.
  const openOlder = (event: MouseEvent<HTMLAnchorElement>) => {
    if (paged) return;
    event.preventDefault();
    void thread.loadOlder().then(setFocusId);
  };
  // From the keyboard, reading goes on from the first message loaded (the link may be gone).
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (focusId) document.getElementById(`m-${focusId}`)?.focus();
  }, [focusId]);
  const { about } = conversation;
  // What the conversation is about, each a link: the request, the offer, the profile or the listing.
  const aboutLinks = [
    about.request ? { to: `/requests/${about.request.id}`, label: about.request.title } : null,
    about.offer ? { to: `/offers/${about.offer.id}`, label: pick(lang, about.offer.nameVi, about.offer.nameEn) } : null,
    about.expert ? { to: `/experts/${about.expert.slug}`, label: displayName(about.expert, lang) } : null,
    about.organization && !about.offer
      ? {
          to: `/organizations/${about.organization.slug}`,
          label: pick(lang, about.organization.nameVi, about.organization.nameEn),
        }
      : null,
  ].filter((link) => link !== null);
  const result = actionData && "result" in actionData ? actionData.result : null;
  const refusedFiles = actionData && "withFiles" in actionData && actionData.withFiles;
  const other =
    conversation.with.person ??
    (conversation.with.organization
      ? pick(lang, conversation.with.organization.nameVi, conversation.with.organization.nameEn)
      : t("talk.requester"));
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <ParentLink to="/messages">{t("conversations.title")}</ParentLink>
      <h1 className="text-2xl font-bold break-words">{t("conversation.title", { title: conversation.subject })}</h1>
      <p className="text-slate-700">
        {t("conversation.with", { name: other })}
        {aboutLinks.map((link) => (
          <Fragment key={link.to}>
            {" · "}
            <Link to={link.to} className="text-brand-700 underline">
              {link.label}
            </Link>
          </Fragment>
        ))}
        {about.responseStatus ? (
          <>
            {" · "}
            <Badge>
              {t("talk.responseStatus", { status: t(`response.status.${about.responseStatus}` as MessageKey) })}
            </Badge>
          </>
        ) : null}
      </p>
      {booking ? (
        <BookingPanel
          booking={booking}
          last={actionData && "bookingStep" in actionData ? actionData.bookingStep : null}
        />
      ) : null}
      {meeting ? (
        <MeetingPanel
          meeting={meeting}
          last={actionData && "meetingStep" in actionData ? actionData.meetingStep : null}
          saved={loaded.outcomeSaved}
        />
      ) : null}
      {older ? (
        <Link
          to={`?before=${older}`}
          onClick={openOlder}
          aria-disabled={thread.loadingOlder || undefined}
          className="inline-block text-brand-700 underline"
        >
          {thread.loadingOlder ? t("thread.loadingOlder") : t("conversation.older")}
        </Link>
      ) : null}
      {paged ? (
        <Link to={conversationUrl(conversation.id)} className="ml-4 inline-block text-brand-700 underline">
          {t("conversation.newest")}
        </Link>
      ) : null}
      <ThreadMessages
        conversationId={conversation.id}
        messages={thread.messages}
        now={thread.now}
        emptyText={t("match.empty")}
      />
      {blocked && side === "starter" ? <Notice>{t("inquiry.blocked")}</Notice> : null}
      {blocked && side === "owner" ? (
        <Notice>
          {t("conversation.blockedByYou")}{" "}
          <Link to="/messages#blocked" className="underline">
            {t("conversations.blocked")}
          </Link>
        </Notice>
      ) : null}
      <Form
        ref={formRef}
        method="post"
        encType="multipart/form-data"
        className="space-y-2 rounded-2xl border border-slate-200 bg-white p-4"
      >
        <FormErrors errors={[...(result?.error?.[""] ?? []), ...(result?.error?.formToken ?? [])]} />
        <input type="hidden" name="formToken" value={formToken} />
        <TextareaField
          label={t("match.message")}
          name="body"
          maxLength={5000}
          defaultValue={(result?.initialValue?.body as string | undefined) ?? undefined}
          errors={result?.error?.body}
        />
        <Field
          label={t("attachments.label")}
          hint={refusedFiles ? `${t("attachments.hint")} ${t("attachments.chooseAgain")}` : t("attachments.hint")}
          name="files"
          type="file"
          multiple
          accept={ATTACHMENT_ACCEPT}
          errors={result?.error?.files}
        />
        <SubmitButton>{t("match.send")}</SubmitButton>
      </Form>
      {loaded.agreements ? (
        <AgreementPanel
          section={loaded.agreements}
          last={actionData && ("agreement" in actionData || "agreementStep" in actionData) ? actionData : null}
        />
      ) : null}
      {canBlock && !blocked ? (
        <Form method="post" className="space-y-2 rounded-2xl border border-slate-200 bg-white p-4">
          <p className="text-sm text-slate-700">{t("conversation.blockHint")}</p>
          <Button type="submit" name="intent" value="block" variant="dangerOutline">
            {t("conversation.block")}
          </Button>
        </Form>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary messages={{ 404: "error.404" }} />;
}
