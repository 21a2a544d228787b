import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SubmitButton } from "~/components/forms";
import { FormPage } from "~/components/page";
import { Notice } from "~/components/ui/notice";
import { useT, type Translate } from "~/i18n/i18n";
import {
  applyUnsubscribe,
  describeUnsubscribe,
  type UnsubscribeTarget,
} from "~/models/notification-preferences.server";
import { titled } from "~/utils/meta";
import { invariantResponse } from "~/utils/misc";

/**
 * The link in a notification's footer and its List-Unsubscribe header (RFC 8058). Opening it
 * only shows what it stops (mail scanners open links); its POST applies it, whether from the
 * button or from a mail client's one-click, which sends no cookie and no Origin: this path is
 * exempt from the same-origin check (app/server/security.server.ts). The signed token is the
 * authority, and it can only turn its own recipient's mail down.
 */
export const meta: MetaFunction = (args) => [
  ...titled(args, (t) => t("unsubscribe.title")),
  { name: "referrer", content: "no-referrer" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const target = await describeUnsubscribe(params.token ?? "");
  invariantResponse(target, "Not found", { status: 404 });
  return { target };
}

export async function action({ params }: ActionFunctionArgs) {
  // The body (the button's, or "List-Unsubscribe=One-Click") says nothing the token does not.
  const target = await applyUnsubscribe(params.token ?? "");
  invariantResponse(target, "Not found", { status: 404 });
  return { done: target };
}

function whatItStops(t: Translate, target: UnsubscribeTarget) {
  if (target.kind === "type") return t("unsubscribe.what.type", { kind: t(`prefs.type.${target.type}`) });
  if (target.kind === "digest") return t("unsubscribe.what.digest");
  return target.label ? t("unsubscribe.what.search", { label: target.label }) : t("unsubscribe.what.searchGone");
}

function whatStopped(t: Translate, target: UnsubscribeTarget) {
  if (target.kind === "type") return t("unsubscribe.done.type", { kind: t(`prefs.type.${target.type}`) });
  if (target.kind === "digest") return t("unsubscribe.done.digest");
  return t("unsubscribe.done.search");
}

export default function Unsubscribe() {
  const { target } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <FormPage title={t("unsubscribe.title")}>
      {actionData ? (
        <Notice>{whatStopped(t, actionData.done)}</Notice>
      ) : (
        <Form method="post" className="space-y-4">
          <p className="text-slate-800">{whatItStops(t, target)}</p>
          <SubmitButton>{t("unsubscribe.confirm")}</SubmitButton>
        </Form>
      )}
      <p className="mt-6 text-sm">
        <Link className="text-brand-700 underline" to="/me/notifications">
          {t("unsubscribe.settings")}
        </Link>
      </p>
    </FormPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary messages={{ 404: "unsubscribe.invalid" }} />;
}
