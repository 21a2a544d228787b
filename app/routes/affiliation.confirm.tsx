import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SubmitButton } from "~/components/forms";
import { FormPage } from "~/components/page";
import { Notice } from "~/components/ui/notice";
import { useT } from "~/i18n/i18n";
import { confirmAffiliation, findAffiliationConfirmation } from "~/models/affiliation.server";
import { requireUserId } from "~/auth/auth.server";
import { titled } from "~/utils/meta";
import { readForm } from "~/utils/misc";

/**
 * The link mailed to a work address. As /confirm: opening it shows a button (mail scanners
 * fetch links and must not spend it); the POST verifies. The researcher signs in first: the
 * link proves the address, the session proves the profile is hers.
 */
export const meta: MetaFunction = (args) => [
  ...titled(args, (t) => t("affiliation.confirm.title")),
  { name: "referrer", content: "no-referrer" },
];

export async function loader(args: LoaderFunctionArgs) {
  const userId = requireUserId(args);
  const token = new URL(args.request.url).searchParams.get("token") ?? "";
  const row = await findAffiliationConfirmation(userId, token);
  return { token: row ? token : null, email: row?.email ?? null };
}

export async function action(args: ActionFunctionArgs) {
  const userId = requireUserId(args);
  const token = String((await readForm(args.request)).get("token") ?? "").slice(0, 100);
  // Refused (used, expired, someone else's): the page reloads and says the link no longer works.
  if (!(await confirmAffiliation(userId, token))) return data({ refused: true }, { status: 400 });
  return redirect("/me/profile?affiliation=verified#affiliation");
}

export default function ConfirmAffiliation() {
  const { token, email } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <FormPage title={t("affiliation.confirm.title")}>
      {token && email ? (
        <Form method="post" className="space-y-4">
          <input type="hidden" name="token" value={token} />
          <p className="text-slate-800">{t("affiliation.confirm.body", { email })}</p>
          <SubmitButton>{t("affiliation.confirm.button")}</SubmitButton>
        </Form>
      ) : (
        <Notice tone="warning">{t("affiliation.confirm.invalid")}</Notice>
      )}
    </FormPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
