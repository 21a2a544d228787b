import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useT } from "~/i18n/i18n";
import { ButtonLink } from "./ui/button";
import type { MessageKey } from "~/i18n/messages";

type Props = {
  /** Message per status code, for routes that can say more than the default */
  messages?: Partial<Record<number, MessageKey>>;
};

/** The one error boundary every route uses: a clear message per status, never a stack trace. */
export function GeneralErrorBoundary({ messages = {} }: Props) {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const defaults: Record<number, MessageKey> = { 400: "error.400", 403: "error.403", 404: "error.404" };
  const key = messages[status] ?? defaults[status] ?? "error.500";
  if (!isRouteErrorResponse(error) && typeof document !== "undefined") console.error(error);
  return (
    <section role="alert" className="mx-auto max-w-xl py-16 text-center">
      <p className="text-sm font-semibold text-brand-700">{status}</p>
      <h1 className="mt-2 text-2xl font-bold text-slate-900">{t(key)}</h1>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <ButtonLink to="/">{t("error.backHome")}</ButtonLink>
        <ButtonLink to="/directory" variant="secondary">
          {t("error.toDirectory")}
        </ButtonLink>
      </div>
    </section>
  );
}
