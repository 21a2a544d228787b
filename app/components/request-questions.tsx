import { Form, Link } from "@remix-run/react";
import { FormErrors, HoneypotField, SubmitButton, TextareaField, type ListOfErrors } from "~/components/forms";
import { Panel } from "~/components/page";
import { displayName } from "~/domain/expert-values";
import { formatDate, useLanguage, useT } from "~/i18n/i18n";

type Question = {
  id: string;
  body: string;
  answer: string | null;
  answeredAt: string | Date | null;
  createdAt: string | Date;
  asker: { slug: string; title: string; fullName: string } | null;
};
/** A refused form's errors and what was typed, for the form that sent it. */
type Refused = {
  intent: string;
  questionId?: string;
  values: Record<string, unknown>;
  errors: Record<string, ListOfErrors>;
};

/**
 * A request's public questions (docs/decisions/064): everyone who reads the request reads
 * them; a member who is not the author asks; the author answers each once for everyone,
 * signed "the requester", never with the company's name. No JavaScript needed.
 */
export function RequestQuestions({
  requestId,
  questions,
  can,
  formToken,
  refused,
}: {
  requestId: string;
  questions: Question[];
  can: "answer" | "ask" | "signIn" | null;
  formToken: string;
  refused: Refused | null;
}) {
  const t = useT();
  const lang = useLanguage();
  const typed = (name: string) => {
    const value = refused?.values[name];
    return typeof value === "string" ? value : undefined;
  };
  return (
    <Panel id="questions" title={t("questions.title")} className="scroll-mt-4">
      <p className="mt-1 text-sm text-slate-600">{t("questions.intro")}</p>
      {questions.length === 0 ? <p className="mt-3 text-sm">{t("questions.none")}</p> : null}
      <ol className="mt-3 space-y-3">
        {questions.map((question) => {
          const mine = refused?.intent === "answer" && refused.questionId === question.id ? refused : null;
          return (
            <li key={question.id} className="rounded-lg border border-slate-200 p-3" data-question={question.id}>
              <p className="text-xs text-slate-600">
                {t("questions.askedBy", {
                  name: question.asker ? displayName(question.asker, lang) : t("talk.member"),
                })}{" "}
                · {formatDate(lang, question.createdAt)}
              </p>
              <p className="mt-1 break-words whitespace-pre-line">{question.body}</p>
              {question.answer ? (
                <div className="mt-2 rounded-lg bg-brand-50 p-3">
                  <p className="text-xs text-slate-600">
                    {t("questions.answerBy", { name: t("talk.requester") })}
                    {question.answeredAt ? ` · ${formatDate(lang, question.answeredAt)}` : null}
                  </p>
                  <p className="mt-1 break-words whitespace-pre-line">{question.answer}</p>
                </div>
              ) : (
                <p className="mt-2 text-sm font-medium text-amber-800">{t("questions.awaiting")}</p>
              )}
              {can === "answer" ? (
                <details className="mt-2" open={Boolean(mine) || !question.answer || undefined}>
                  <summary className="cursor-pointer text-sm font-medium text-brand-700">
                    {t(question.answer ? "questions.editAnswer" : "questions.answer")}
                  </summary>
                  <Form method="post" className="mt-2 space-y-2">
                    <input type="hidden" name="questionId" value={question.id} />
                    <TextareaField
                      label={t("questions.answer")}
                      name="answer"
                      minLength={2}
                      maxLength={3000}
                      required
                      defaultValue={mine ? typed("answer") : (question.answer ?? "")}
                      errors={mine?.errors.answer}
                    />
                    <SubmitButton name="intent" value="answer" tone="secondary">
                      {t("questions.saveAnswer")}
                    </SubmitButton>
                  </Form>
                </details>
              ) : null}
            </li>
          );
        })}
      </ol>
      {can === "ask" ? (
        <Form method="post" className="relative mt-4 space-y-2">
          <FormErrors
            errors={
              refused?.intent === "ask"
                ? [...(refused.errors[""] ?? []), ...(refused.errors.formToken ?? [])]
                : undefined
            }
          />
          <input type="hidden" name="formToken" value={formToken} />
          <HoneypotField />
          <TextareaField
            label={t("questions.body")}
            hint={t("questions.askHint")}
            name="body"
            minLength={10}
            maxLength={1000}
            required
            defaultValue={refused?.intent === "ask" ? typed("body") : undefined}
            errors={refused?.intent === "ask" ? refused.errors.body : undefined}
          />
          <SubmitButton name="intent" value="ask">
            {t("questions.send")}
          </SubmitButton>
        </Form>
      ) : can === "signIn" ? (
        <p className="mt-4 text-sm">
          <Link
            to={`/login?redirectTo=${encodeURIComponent(`/requests/${requestId}#questions`)}`}
            className="text-brand-700 underline"
          >
            {t("questions.signIn")}
          </Link>
        </p>
      ) : null}
    </Panel>
  );
}
