import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v3";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useSearchParams,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { CurrentPasswordField, NewPasswordFields } from "~/components/auth-fields";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors, SubmitButton } from "~/components/forms";
import { PageHeader, Panel } from "~/components/page";
import { Notice } from "~/components/ui/notice";
import { formatDate, useLanguage, useT } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/messages";
import { activeSessions, changePassword, renameUser, signOutSessions } from "~/models/user.server";
import { clientAddress, requireUser } from "~/auth/auth.server";
import { readForm } from "~/utils/misc";
import { titled } from "~/utils/meta";
import { hit, LIMITS, reset } from "~/auth/rate-limit.server";
import { deletedSessionCookie, invalidateSession } from "~/auth/session.server";
import { isSecureRequest } from "~/utils/http-request.server";
import { ChangePasswordSchema, ProfileNameSchema } from "~/validation/auth";
import { problem } from "~/validation/messages";
import { keepRetryAfter } from "~/utils/headers";

export const meta: MetaFunction = (args) => titled(args, (t) => t("account.title"));

export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const sessions = await activeSessions(user.id);
  const current = args.context.auth?.session.id;
  return {
    user: { name: user.name, email: user.email, role: user.role, accountType: user.accountType },
    sessions: sessions.map((session) => ({
      current: session.id === current,
      createdAt: session.createdAt,
      device: describeUserAgent(session.userAgent),
    })),
  };
}

export const headers = keepRetryAfter;

// After too many wrong passwords the session is gone: keep the page and its message
// instead of reloading it (which would only send the reader to sign-in).
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  actionResult?.signedOut ? false : defaultShouldRevalidate;

const minutesOf = (waitMs: number) => Math.max(1, Math.ceil(waitMs / 60_000));
const retryAfter = (waitMs: number) => ({ "Retry-After": String(Math.ceil(waitMs / 1000)) });

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const sessionId = args.context.auth!.session.id;
  const formData = await readForm(args.request);
  switch (formData.get("intent")) {
    case "update-name": {
      const submission = parseWithZod(formData, { schema: ProfileNameSchema });
      if (submission.status !== "success")
        return data({ intent: "update-name", result: submission.reply(), done: false }, { status: 400 });
      await renameUser(user.id, submission.value.name);
      return data({ intent: "update-name", result: submission.reply(), done: true });
    }
    case "change-password": {
      const submission = parseWithZod(formData, { schema: ChangePasswordSchema });
      const hidden = { hideFields: ["currentPassword", "password", "confirmPassword"] };
      if (submission.status !== "success")
        return data({ intent: "change-password", result: submission.reply(hidden), done: false }, { status: 400 });
      // Limited like sign-in: a stolen session must not become a way to guess the password.
      const address = clientAddress(args);
      const wait = Math.max(
        await hit(LIMITS.passwordCheckPerAddress, address),
        await hit(LIMITS.passwordCheckPerAccount, user.id),
      );
      if (wait > 0) {
        const result = submission.reply({
          formErrors: [problem("form.tooManyAttempts", { minutes: minutesOf(wait) })],
          ...hidden,
        });
        return data({ intent: "change-password", result, done: false }, { status: 429, headers: retryAfter(wait) });
      }
      const changed = await changePassword(
        user.id,
        submission.value.currentPassword,
        submission.value.password,
        sessionId,
      );
      if (!changed) {
        const over = await hit(LIMITS.wrongPasswordsPerAccount, user.id);
        if (over > 0) {
          // The 5th wrong password in 15 minutes ends this session; the owner can still reset by e-mail.
          await invalidateSession(sessionId);
          const message = problem("account.signedOutWrongPassword", { minutes: minutesOf(over) });
          const headers = { ...retryAfter(over), "Set-Cookie": deletedSessionCookie(isSecureRequest(args.request)) };
          const result = submission.reply({ formErrors: [message], ...hidden });
          return data({ intent: "change-password", result, done: false, signedOut: true }, { status: 429, headers });
        }
        const result = submission.reply({
          fieldErrors: { currentPassword: [problem("account.wrongPassword")] },
          ...hidden,
        });
        return data({ intent: "change-password", result, done: false }, { status: 400 });
      }
      await reset(LIMITS.wrongPasswordsPerAccount, user.id);
      return data({ intent: "change-password", result: submission.reply({ resetForm: true }), done: true });
    }
    case "sign-out-others": {
      await signOutSessions(user.id, { except: sessionId });
      return data({ intent: "sign-out-others", result: undefined, done: true });
    }
    case "sign-out-everywhere": {
      await signOutSessions(user.id);
      return redirect("/", { headers: { "Set-Cookie": deletedSessionCookie(isSecureRequest(args.request)) } });
    }
    default:
      return data({ intent: "unknown", result: undefined, done: false }, { status: 400 });
  }
}

/** The account page's links to the member's own pages. */
const SHORTCUTS: [string, MessageKey][] = [
  ["/me/profile", "account.myProfile"],
  ["/me/requests", "account.myRequests"],
  ["/me/responses", "account.myResponses"],
  ["/me/requests-for-you", "forYou.title"],
  ["/me/alerts", "alerts.title"],
  ["/me/events", "myEvents.title"],
  ["/messages", "conversations.title"],
  ["/matches", "account.myMatches"],
  ["/organizations/new", "listing.new.link"],
  ["/me/notifications", "prefs.link"],
  ["/me/agenda", "agenda.title"],
];

export default function Account() {
  const { user, sessions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const lang = useLanguage();
  const [nameForm, nameFields] = useForm({
    id: "name-form",
    lastResult: actionData?.intent === "update-name" ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProfileNameSchema }),
    defaultValue: { name: user.name },
  });
  const [passwordForm, passwordFields] = useForm({
    id: "password-form",
    lastResult: actionData?.intent === "change-password" ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangePasswordSchema }),
    shouldValidate: "onBlur",
  });
  const done = actionData?.done ? actionData.intent : null;
  const facts = [
    [t("auth.email"), user.email],
    [t("account.role"), t(`account.role.${user.role}` as "account.role.member")],
    [t("auth.accountType"), t(`auth.accountType.${user.accountType}` as "auth.accountType.business")],
  ];
  return (
    <div className="space-y-6">
      <PageHeader title={t("account.title")} />
      {searchParams.get("reset") ? <Notice>{t("auth.reset.done")}</Notice> : null}
      {done === "change-password" ? <Notice>{t("account.passwordChanged")}</Notice> : null}
      {done === "sign-out-others" ? <Notice>{t("account.signedOutOthers")}</Notice> : null}
      {done === "update-name" ? <Notice>{t("form.saved")}</Notice> : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <Panel id="details" title={t("account.profile")}>
          <dl className="mt-3 space-y-1 text-sm">
            {facts.map(([term, detail]) => (
              <div key={term} className="flex gap-2">
                <dt className="text-slate-600">{term}:</dt>
                <dd>{detail}</dd>
              </div>
            ))}
          </dl>
          <Form method="post" className="mt-4 space-y-3" {...getFormProps(nameForm)}>
            <Field
              label={t("auth.name")}
              name={nameFields.name.name}
              defaultValue={nameFields.name.initialValue}
              errors={nameFields.name.errors}
              maxLength={120}
              required
            />
            <SubmitButton name="intent" value="update-name" tone="secondary">
              {t("form.save")}
            </SubmitButton>
          </Form>
        </Panel>

        <Panel id="shortcuts" title={t("account.links")}>
          <ul className="mt-3 space-y-2 text-brand-700">
            {SHORTCUTS.map(([to, label]) => (
              <li key={to}>
                <Link className="underline" to={to}>
                  {t(label)}
                </Link>
              </li>
            ))}
          </ul>
        </Panel>

        <Panel id="password" title={t("account.changePassword")}>
          <Form method="post" className="mt-3 space-y-3" {...getFormProps(passwordForm)}>
            <FormErrors errors={passwordForm.errors} />
            <CurrentPasswordField
              label="account.currentPassword"
              field={passwordFields.currentPassword}
              capped={false}
            />
            <NewPasswordFields
              label="account.newPassword"
              password={passwordFields.password}
              confirmPassword={passwordFields.confirmPassword}
              capConfirmation={false}
            />
            <SubmitButton name="intent" value="change-password">
              {t("account.changePassword")}
            </SubmitButton>
          </Form>
        </Panel>

        <Panel id="sessions" title={t("account.sessions")}>
          <p className="mt-1 text-sm text-slate-700">{t("account.sessionsIntro", { count: sessions.length })}</p>
          <ul className="mt-3 divide-y divide-slate-100 text-sm">
            {sessions.map((session, i) => (
              <li key={i} className="flex justify-between gap-2 py-2">
                <span>{session.device}</span>
                <span className="text-slate-600">
                  {session.current ? (
                    <strong>{t("account.thisBrowser")}</strong>
                  ) : (
                    t("account.since", { date: formatDate(lang, session.createdAt) })
                  )}
                </span>
              </li>
            ))}
          </ul>
          <div className="mt-3 flex flex-wrap gap-2">
            <Form method="post">
              <SubmitButton name="intent" value="sign-out-others" tone="secondary">
                {t("account.signOutOthers")}
              </SubmitButton>
            </Form>
            <Form method="post">
              <SubmitButton name="intent" value="sign-out-everywhere" tone="danger">
                {t("account.signOutEverywhere")}
              </SubmitButton>
            </Form>
          </div>
        </Panel>
      </div>
    </div>
  );
}

/** "Chrome on Linux" from a user agent, without a library. */
function describeUserAgent(userAgent: string | null): string {
  if (!userAgent) return "—";
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrome\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : "Browser";
  const system = /Android/.test(userAgent)
    ? "Android"
    : /iPhone|iPad/.test(userAgent)
      ? "iOS"
      : /Windows/.test(userAgent)
        ? "Windows"
        : /Mac OS/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : "";
  return system ? `${browser} · ${system}` : browser;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
