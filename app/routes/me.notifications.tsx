import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v3";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, SelectField, SubmitButton } from "~/components/forms";
import { PageHeader, Panel } from "~/components/page";
import { Notice } from "~/components/ui/notice";
import { CHANNELS, PREFERENCE_TYPES } from "~/domain/notification-preferences";
import { useT } from "~/i18n/i18n";
import { notificationSettings, saveNotificationSettings } from "~/models/notification-preferences.server";
import { requireUserId } from "~/auth/auth.server";
import { titled } from "~/utils/meta";
import { readForm } from "~/utils/misc";
import { NotificationSettingsSchema } from "~/validation/notification-settings";
import { invalid } from "~/validation/submission.server";

export const meta: MetaFunction = (args) => titled(args, (t) => t("prefs.title"));

export async function loader(args: LoaderFunctionArgs) {
  return { settings: await notificationSettings(requireUserId(args)) };
}

export async function action(args: ActionFunctionArgs) {
  const userId = requireUserId(args);
  const submission = parseWithZod(await readForm(args.request), { schema: NotificationSettingsSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const { weeklyDigest, ...channels } = submission.value;
  await saveNotificationSettings(userId, { channels, weeklyDigest: weeklyDigest === "on" });
  return redirect("/me/notifications?saved=1");
}

export default function NotificationSettingsPage() {
  const { settings } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const [form, fields] = useForm({
    id: "notification-settings",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NotificationSettingsSchema }),
    defaultValue: { ...settings.channels, weeklyDigest: settings.weeklyDigest ? "on" : undefined },
  });
  const options = CHANNELS.map((channel) => ({ value: channel, label: t(`prefs.channel.${channel}`) }));
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader title={t("prefs.title")} />
      {searchParams.get("saved") && !actionData ? <Notice>{t("prefs.saved")}</Notice> : null}
      <p className="text-slate-700">{t("prefs.intro")}</p>
      <Form method="post" className="space-y-6" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <Panel id="kinds" title={t("prefs.kinds")}>
          <div className="mt-3 space-y-4">
            {PREFERENCE_TYPES.map((type) => (
              <SelectField
                key={type}
                label={t(`prefs.type.${type}`)}
                name={fields[type].name}
                defaultValue={fields[type].initialValue as string | undefined}
                errors={fields[type].errors}
                options={options}
              />
            ))}
          </div>
        </Panel>
        <Panel id="digest" title={t("prefs.digest")}>
          <label className="mt-3 flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name={fields.weeklyDigest.name}
              defaultChecked={fields.weeklyDigest.initialValue === "on"}
              className="mt-0.5 size-4 shrink-0"
            />
            <span>{t("prefs.digest.on")}</span>
          </label>
          <p className="mt-1 text-sm text-slate-600">{t("prefs.digest.hint")}</p>
        </Panel>
        <SubmitButton>{t("form.save")}</SubmitButton>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
