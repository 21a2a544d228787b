import { parseWithZod } from "@conform-to/zod/v3";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ParentLink } from "~/components/page";
import { FormErrors, SubmitButton, TextareaField } from "~/components/forms";
import { formatDate, useLanguage, useT } from "~/i18n/i18n";
import { getMatchForParticipant, listMessages, sendMessage } from "~/models/response.server";
import { requireUser } from "~/auth/auth.server";
import { displayName } from "~/domain/expert-values";
import { newFormToken } from "~/auth/form-token.server";
import { titled } from "~/utils/meta";
import { invariantResponse, readForm } from "~/utils/misc";
import { hit, LIMITS } from "~/auth/rate-limit.server";
import { rateLimited } from "~/validation/submission.server";
import { MessageSchema } from "~/validation/request";
import { keepRetryAfter } from "~/utils/headers";

export const meta: MetaFunction<typeof loader> = (args) =>
  titled(args, (t) => (args.data ? t("match.title", { title: args.data.match.request.title }) : t("error.404")));

/** A match's private thread: only its two sides may read or write (anyone else gets 404). */
export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const match = await getMatchForParticipant(args.params.id ?? "", user.id);
  invariantResponse(match, "Not found", { status: 404 });
  const messages = await listMessages(match.id);
  // The two sides' account ids stay on the server: the page only needs whose message is whose.
  return {
    match: {
      id: match.id,
      request: { title: match.request.title, companyName: match.request.companyName },
      response: { expert: match.response.expert },
    },
    messages: messages.map(({ senderId, ...message }) => ({ ...message, mine: senderId === user.id })),
    formToken: newFormToken(),
  };
}

export const headers = keepRetryAfter;

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const match = await getMatchForParticipant(args.params.id ?? "", user.id);
  invariantResponse(match, "Not found", { status: 404 });
  const submission = parseWithZod(await readForm(args.request), { schema: MessageSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const wait = await hit(LIMITS.messagesPerUser, user.id);
  if (wait > 0) return rateLimited((options) => submission.reply(options), wait);
  await sendMessage(match.id, user.id, submission.value.body, submission.value.formToken ?? newFormToken());
  return redirect(`/matches/${match.id}#latest`);
}

export default function MatchThread() {
  const { match, messages, formToken } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const lang = useLanguage();
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => formRef.current?.reset(), [messages.length]);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <ParentLink to="/matches">{t("matches.title")}</ParentLink>
      <h1 className="text-2xl font-bold">{t("match.title", { title: match.request.title })}</h1>
      <p className="text-slate-700">
        {t("match.between", { company: match.request.companyName, expert: displayName(match.response.expert, lang) })}
      </p>
      <ol className="space-y-3" aria-live="polite">
        {messages.length === 0 ? <li className="text-slate-600">{t("match.empty")}</li> : null}
        {messages.map((message, i) => (
          <li
            key={message.id}
            id={i === messages.length - 1 ? "latest" : undefined}
            className={
              message.mine ? "ml-8 rounded-xl bg-brand-50 p-3" : "mr-8 rounded-xl border border-slate-200 bg-white p-3"
            }
          >
            <p className="text-xs text-slate-600">
              {message.sender.name} · {formatDate(lang, message.createdAt)}
            </p>
            <p className="mt-1 whitespace-pre-line">{message.body}</p>
          </li>
        ))}
      </ol>
      <Form ref={formRef} method="post" className="space-y-2 rounded-2xl border border-slate-200 bg-white p-4">
        <FormErrors
          errors={[...(actionData?.result?.error?.[""] ?? []), ...(actionData?.result?.error?.formToken ?? [])]}
        />
        <input type="hidden" name="formToken" value={formToken} />
        <TextareaField
          label={t("match.message")}
          name="body"
          maxLength={5000}
          required
          errors={actionData?.result?.error?.body}
        />
        <SubmitButton>{t("match.send")}</SubmitButton>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary messages={{ 404: "error.404" }} />;
}
