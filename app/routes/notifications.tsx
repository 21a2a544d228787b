import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { UnreadDot } from "~/components/ui/unread-dot";
import { SubmitButton } from "~/components/forms";
import { PageHeader } from "~/components/page";
import { formatDate, useLanguage, useT } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/messages";
import { listNotifications, markRead } from "~/models/notification.server";
import { requireUserId } from "~/auth/auth.server";
import { titled } from "~/utils/meta";
import { safeRedirectPath } from "~/utils/misc";

export const meta: MetaFunction = (args) => titled(args, (t) => t("notifications.title"));

export async function loader(args: LoaderFunctionArgs) {
  const userId = requireUserId(args);
  const notifications = await listNotifications(userId);
  return {
    notifications: notifications.map((notification) => ({
      id: notification.id,
      key: notification.data.key,
      params: notification.data.params,
      url: safeRedirectPath(notification.url),
      unread: notification.readAt === null,
      createdAt: notification.createdAt,
    })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const userId = requireUserId(args);
  await markRead(userId);
  return { done: true };
}

export default function Notifications() {
  const { notifications } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLanguage();
  const unread = notifications.some((notification) => notification.unread);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader title={t("notifications.title")}>
        {unread ? (
          <Form method="post">
            <SubmitButton tone="secondary">{t("notifications.markAllRead")}</SubmitButton>
          </Form>
        ) : null}
      </PageHeader>
      <p className="text-sm">
        <Link to="/me/notifications" className="text-brand-700 underline">
          {t("prefs.link")}
        </Link>
      </p>
      {notifications.length === 0 ? <p className="text-slate-700">{t("notifications.empty")}</p> : null}
      <ul className="divide-y divide-slate-100 rounded-2xl border border-slate-200 bg-white">
        {notifications.map((notification) => (
          <li key={notification.id} className="flex items-start gap-3 p-4">
            <UnreadDot unread={notification.unread} label={t("notifications.unread")} />
            <div>
              <Link to={notification.url} className="font-medium text-brand-800 hover:underline">
                {t(notification.key as MessageKey, notification.params)}
              </Link>
              <p className="text-sm text-slate-600">{formatDate(lang, notification.createdAt)}</p>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
