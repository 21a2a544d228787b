import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, SelectField, SubmitButton } from "~/components/forms";
import { PageHeader } from "~/components/page";
import { Button } from "~/components/ui/button";
import { Notice } from "~/components/ui/notice";
import { useT } from "~/i18n/i18n";
import { findUsers, setRole, userExists } from "~/models/user.server";
import { requirePermission } from "~/auth/auth.server";
import { titled } from "~/utils/meta";
import { readForm } from "~/utils/misc";
import { ROLES } from "~/auth/permissions";
import { invalidateUserSessions } from "~/auth/session.server";
import { problem } from "~/validation/messages";

export const meta: MetaFunction = (args) => titled(args, (t) => t("admin.users"));

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "user:appoint");
  const q = (new URL(args.request.url).searchParams.get("q") ?? "").trim().slice(0, 100).toLowerCase();
  return { users: await findUsers(q), q };
}

const RoleSchema = z.object({ userId: z.string().max(40), role: z.enum(ROLES) });

export async function action(args: ActionFunctionArgs) {
  const admin = requirePermission(args, "user:appoint");
  const parsed = RoleSchema.safeParse(Object.fromEntries(await readForm(args.request)));
  if (!parsed.success) return data({ error: problem("form.choose"), done: false }, { status: 400 });
  if (parsed.data.userId === admin.id && parsed.data.role !== "admin") {
    return data({ error: problem("admin.cannotDemoteSelf"), done: false }, { status: 400 });
  }
  const targetId = parsed.data.userId;
  if (!(await userExists(targetId))) throw new Response("Not found", { status: 404 });
  await setRole(targetId, parsed.data.role, admin.id);
  // A changed role takes effect everywhere at once: the user signs in again.
  if (targetId !== admin.id) await invalidateUserSessions(targetId);
  return data({ error: null, done: true });
}

export default function AdminUsers() {
  const { users, q } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="space-y-4">
      <PageHeader title={t("admin.users")} />
      {actionData?.done ? <Notice>{t("admin.roleChanged")}</Notice> : null}
      {actionData?.error ? <FormErrors errors={[actionData.error]} /> : null}
      <Form method="get" role="search" className="flex gap-2">
        <label htmlFor="user-q" className="sr-only">
          {t("admin.searchUsers")}
        </label>
        <input
          id="user-q"
          name="q"
          type="search"
          defaultValue={q}
          placeholder={t("admin.searchUsers")}
          className="flex-1 rounded-lg border border-slate-300 px-3 py-2"
        />
        <Button type="submit">{t("directory.submit")}</Button>
      </Form>
      <ul className="divide-y divide-slate-100 rounded-2xl border border-slate-200 bg-white">
        {users.map((user) => (
          <li key={user.id} className="flex flex-wrap items-end justify-between gap-3 p-4">
            <div>
              <p className="font-medium">{user.name}</p>
              <p className="text-sm text-slate-600">{user.email}</p>
            </div>
            <Form method="post" className="flex items-end gap-2">
              <input type="hidden" name="userId" value={user.id} />
              <SelectField
                label={t("account.role")}
                name="role"
                defaultValue={user.role}
                options={ROLES.map((role) => ({ value: role, label: t(`account.role.${role}`) }))}
              />
              <SubmitButton tone="secondary">{t("admin.setRole")}</SubmitButton>
            </Form>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
