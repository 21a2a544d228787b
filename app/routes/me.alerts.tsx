import { parseWithZod } from "@conform-to/zod/v3";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors, SubmitButton } from "~/components/forms";
import { PageHeader } from "~/components/page";
import { FrequencySelect, SaveSearchForm } from "~/components/save-search";
import { Notice } from "~/components/ui/notice";
import { requireUser } from "~/auth/auth.server";
import { hit, LIMITS } from "~/auth/rate-limit.server";
import { useT } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/messages";
import {
  deleteSavedSearch,
  listSavedSearches,
  MAX_SAVED_SEARCHES,
  saveSearch,
  updateSavedSearch,
} from "~/models/saved-search.server";
import { keepRetryAfter } from "~/utils/headers";
import { titled } from "~/utils/meta";
import { invariantResponse, readForm } from "~/utils/misc";
import { LABEL_MAX, type SavedList } from "~/utils/saved-search";
import { problem } from "~/validation/messages";
import { DeleteSavedSearchSchema, SaveSearchSchema, UpdateSavedSearchSchema } from "~/validation/saved-search";
import { rateLimited } from "~/validation/submission.server";

export const meta: MetaFunction = (args) => titled(args, (t) => t("alerts.title"));

export const headers = keepRetryAfter;

export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  return { searches: await listSavedSearches(user.id) };
}

const SCHEMAS = { save: SaveSearchSchema, update: UpdateSavedSearchSchema, delete: DeleteSavedSearchSchema };

/** Save (from a list's form), change and delete; each on the signed-in member's own searches only. */
export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const formData = await readForm(args.request);
  const intent = formData.get("intent");
  const schema = SCHEMAS[intent === "update" || intent === "delete" ? intent : "save"];
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const wait = await hit(LIMITS.writesPerUser, user.id);
  if (wait > 0) return rateLimited((options) => submission.reply(options), wait);
  const value = submission.value;
  if (value.intent === "save") {
    const saved = await saveSearch(user.id, value);
    if ("refused" in saved) {
      const formErrors = [problem("alerts.limit", { max: MAX_SAVED_SEARCHES })];
      return data({ result: submission.reply({ formErrors }) }, { status: 400 });
    }
    return redirect(`/me/alerts?saved=${saved.saved}#search-${saved.id}`);
  }
  // Someone else's search, or one already gone, is not found.
  const done =
    value.intent === "update"
      ? await updateSavedSearch(user.id, value.id, { label: value.label, frequency: value.frequency })
      : await deleteSavedSearch(user.id, value.id);
  invariantResponse(done, "Not found", { status: 404 });
  return redirect(`/me/alerts?${value.intent === "update" ? "changed" : "deleted"}=1`);
}

const LIST_NAMES: Record<SavedList, MessageKey> = {
  directory: "nav.directory",
  experts: "nav.experts",
  requests: "nav.requests",
  offers: "nav.offers",
};

const NOTICES: [string, string, MessageKey][] = [
  ["saved", "created", "alerts.saved"],
  ["saved", "updated", "alerts.resaved"],
  ["changed", "1", "alerts.updated"],
  ["deleted", "1", "alerts.deleted"],
];

type Errors = Record<string, string[] | null> | null | undefined;

export default function SavedSearches() {
  const { searches } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const typed = (actionData?.result.initialValue ?? {}) as Record<string, unknown>;
  const text = (name: string) => (typeof typed[name] === "string" ? (typed[name] as string) : undefined);
  const errors = actionData?.result.error as Errors;
  const refusedIntent = text("intent");
  const notice = NOTICES.find(([name, value]) => searchParams.get(name) === value);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader title={t("alerts.title")} />
      <p className="text-sm text-slate-600">{t("alerts.intro")}</p>
      {notice ? <Notice>{t(notice[2])}</Notice> : null}
      {actionData && refusedIntent !== "update" && refusedIntent !== "delete" ? (
        // A save refused: its form again, as typed, with its messages.
        <SaveSearchForm
          list={text("list") ?? ""}
          query={text("query") ?? ""}
          open
          errors={errors}
          typed={{ label: text("label") ?? "", frequency: text("frequency") }}
        />
      ) : null}
      {searches.length === 0 ? (
        <p className="rounded-2xl border border-slate-200 bg-white p-5">{t("alerts.empty")}</p>
      ) : null}
      <ul className="space-y-4">
        {searches.map((search) => {
          const refused = refusedIntent === "update" && text("id") === search.id;
          return (
            <li
              key={search.id}
              id={`search-${search.id}`}
              data-saved-search={search.label}
              className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4"
            >
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="text-lg font-semibold break-words">{search.label}</h2>
                <span className="text-sm text-slate-600">
                  {t("alerts.list")}: {t(LIST_NAMES[search.list])}
                </span>
              </div>
              <p className="text-sm break-words text-slate-700">
                {search.query ? [...new URLSearchParams(search.query).values()].join(" · ") : t("alerts.allResults")}
              </p>
              <Link to={search.url} className="inline-block text-sm font-medium text-brand-700 underline">
                {t("alerts.open")}
              </Link>
              <Form method="post" className="space-y-3">
                <input type="hidden" name="id" value={search.id} />
                {refused ? <FormErrors errors={errors?.[""] ?? errors?.id ?? undefined} /> : null}
                <Field
                  label={t("alerts.save.label")}
                  name="label"
                  maxLength={LABEL_MAX}
                  required
                  defaultValue={refused ? (text("label") ?? "") : search.label}
                  errors={refused ? (errors?.label ?? undefined) : undefined}
                />
                <FrequencySelect
                  defaultValue={refused ? text("frequency") : search.frequency}
                  errors={refused ? (errors?.frequency ?? undefined) : undefined}
                />
                <SubmitButton name="intent" value="update" tone="secondary">
                  {t("alerts.change")}
                </SubmitButton>
              </Form>
              <Form method="post">
                <input type="hidden" name="id" value={search.id} />
                <SubmitButton name="intent" value="delete" tone="secondary">
                  <span aria-hidden="true">{t("alerts.delete")}</span>
                  <span className="sr-only">{t("alerts.deleteNamed", { label: search.label })}</span>
                </SubmitButton>
              </Form>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
