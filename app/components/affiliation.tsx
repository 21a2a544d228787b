import { Form } from "@remix-run/react";
import { Field, FormErrors, SubmitButton, TextareaField } from "~/components/forms";
import { MAX_EMAIL_DOMAINS } from "~/domain/affiliation";
import { Panel } from "~/components/page";
import { Badge } from "~/components/ui/badge";
import { Notice } from "~/components/ui/notice";
import { pick, useLanguage, useT } from "~/i18n/i18n";

/** "Affiliation verified" / "not verified": shown, never hidden, on every published profile. */
export function AffiliationBadge({ verified }: { verified: boolean }) {
  const t = useT();
  return verified ? (
    <Badge tone="success">
      <span aria-hidden="true">✓</span> {t("affiliation.verified")}
    </Badge>
  ) : (
    <Badge>{t("affiliation.unverified")}</Badge>
  );
}

export type AffiliationSectionState = {
  organization: { nameVi: string | null; nameEn: string | null };
  domains: string[];
  verified: boolean;
  verifiedBy: string | null;
  verifiedEmail: string | null;
  checkRequested: boolean;
} | null;

/**
 * The researcher's own verification section (on /me/profile and, after a refused form,
 * /me/affiliation): its forms post to /me/affiliation and work without JavaScript.
 */
export function AffiliationSection({
  state,
  news,
  email,
  errors,
}: {
  state: AffiliationSectionState;
  /** What just happened (a link sent, a check asked for, verified). */
  news?: string | null;
  email?: string;
  errors?: { email?: string[]; form?: string[] };
}) {
  const t = useT();
  const lang = useLanguage();
  const organization = state ? pick(lang, state.organization.nameVi, state.organization.nameEn) : "";
  const domains = state?.domains.map((domain) => `@${domain}`).join(", ") ?? "";
  return (
    <Panel id="affiliation" title={t("affiliation.title")} className="mt-8">
      <div className="mt-3 space-y-3">
        {news ? <Notice>{news}</Notice> : null}
        {!state ? (
          <p className="text-sm text-slate-700">{t("affiliation.none")}</p>
        ) : state.verified ? (
          <>
            <AffiliationBadge verified />
            <p className="text-sm text-slate-700">
              {state.verifiedEmail
                ? t("affiliation.verifiedByEmail", { organization, email: state.verifiedEmail })
                : t("affiliation.verifiedByOfficial", { organization })}
            </p>
          </>
        ) : state.domains.length > 0 ? (
          <Form method="post" action="/me/affiliation" className="space-y-3">
            <FormErrors errors={errors?.form} />
            <p className="text-sm text-slate-700">{t("affiliation.intro", { organization, domains })}</p>
            <Field
              label={t("affiliation.email")}
              name="email"
              type="email"
              autoComplete="email"
              inputMode="email"
              maxLength={254}
              required
              defaultValue={email}
              errors={errors?.email}
            />
            <SubmitButton name="intent" value="send-link">
              {t("affiliation.send")}
            </SubmitButton>
          </Form>
        ) : state.checkRequested ? (
          <p className="text-sm text-slate-700">{t("affiliation.waiting")}</p>
        ) : (
          <Form method="post" action="/me/affiliation" className="space-y-3">
            <FormErrors errors={errors?.form} />
            <p className="text-sm text-slate-700">{t("affiliation.noDomain", { organization })}</p>
            <SubmitButton name="intent" value="ask-official" tone="secondary">
              {t("affiliation.askOfficial")}
            </SubmitButton>
          </Form>
        )}
      </div>
    </Panel>
  );
}

/** A listing's extra e-mail domains (its managers and officials), posted to /organizations/:slug/domains. */
export function EmailDomainsForm({
  slug,
  websiteDomain,
  value,
  errors,
  saved,
}: {
  slug: string;
  websiteDomain: string | null;
  value: string;
  errors?: string[];
  saved?: boolean;
}) {
  const t = useT();
  return (
    <Panel id="email-domains" title={t("affiliation.domains.title")} className="mt-8">
      <Form method="post" action={`/organizations/${slug}/domains`} className="mt-3 space-y-3">
        {saved ? <Notice>{t("affiliation.domains.saved")}</Notice> : null}
        {websiteDomain ? (
          <p className="text-sm text-slate-700">{t("affiliation.domains.website", { domain: websiteDomain })}</p>
        ) : null}
        <TextareaField
          label={t("affiliation.domains.label")}
          hint={t("affiliation.domains.hint", { max: MAX_EMAIL_DOMAINS })}
          name="domains"
          defaultValue={value}
          errors={errors}
          maxLength={2000}
          spellCheck={false}
          autoCapitalize="none"
        />
        <SubmitButton tone="secondary">{t("affiliation.domains.save")}</SubmitButton>
      </Form>
    </Panel>
  );
}
