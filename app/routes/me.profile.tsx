import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v3";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AffiliationSection } from "~/components/affiliation";
import { AFFILIATION_LINK_HOURS } from "~/domain/affiliation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FieldPicker } from "~/components/field-picker";
import {
  ChoiceGroup,
  DescribedFields,
  ErrorList,
  Field,
  FormErrors,
  IntentButtons,
  SelectField,
  type FieldSpec,
} from "~/components/forms";
import { FormPage } from "~/components/page";
import { PublicationUploadForm } from "~/components/publication-import";
import { OverseasSection } from "~/components/overseas";
import { ProfileReconfirmation } from "~/components/profile-reconfirmation";
import { Notice } from "~/components/ui/notice";
import { pick, useLanguage, useT } from "~/i18n/i18n";
import { affiliationStateOf } from "~/models/affiliation.server";
import { getOwnProfile, saveProfile } from "~/models/expert.server";
import { taxonomyForPicker } from "~/models/field.server";
import type { OrganizationChoice } from "~/models/organization-lookup.server";
import { requireUser } from "~/auth/auth.server";
import {
  ACADEMIC_TITLE_LABELS,
  ACADEMIC_TITLES,
  LINK_KIND_LABELS,
  LINK_KINDS,
  OFFER_LABELS,
  OFFERS,
  splitLines,
} from "~/domain/expert-values";
import { titled } from "~/utils/meta";
import { readForm } from "~/utils/misc";
import { hit, LIMITS } from "~/auth/rate-limit.server";
import { rateLimited } from "~/validation/submission.server";
import { ExpertProfileSchema, INQUIRY_CHOICES } from "~/validation/expert";
import { problem } from "~/validation/messages";
import { keepRetryAfter } from "~/utils/headers";

export const meta: MetaFunction = (args) => titled(args, (t) => t("profile.title"));

const BLANK_LINK_ROWS = 3;

const ABOUT: FieldSpec<"keywords" | "bioVi" | "bioEn">[] = [
  { name: "keywords", label: "profile.keywords", hint: "profile.keywordsHint", control: "textarea", maxLength: 1500 },
  { name: "bioVi", label: "profile.bioVi", control: "textarea", lang: "vi", maxLength: 3000 },
  { name: "bioEn", label: "profile.bioEn", control: "textarea", lang: "en", maxLength: 3000 },
];

export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const [own, areas, affiliation] = await Promise.all([
    getOwnProfile(user.id),
    taxonomyForPicker(),
    affiliationStateOf(user.id),
  ]);
  // The yearly reconfirmation's state, as the page shows it (docs/decisions/071).
  const { staleSince, hiddenAt, ...profile } = own ?? { staleSince: null, hiddenAt: null };
  return {
    profile: own ? (profile as Omit<NonNullable<typeof own>, "staleSince" | "hiddenAt">) : null,
    reconfirm: { stale: staleSince !== null, hidden: hiddenAt !== null },
    areas,
    affiliation,
    userName: user.name,
    accountType: user.accountType,
  };
}

export const headers = keepRetryAfter;

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const formData = await readForm(args.request);
  const submission = parseWithZod(formData, { schema: ExpertProfileSchema });
  if (submission.status !== "success")
    return data({ result: submission.reply(), candidates: null, saved: null }, { status: 400 });
  const wait = await hit(LIMITS.writesPerUser, user.id);
  if (wait > 0) return rateLimited((options) => submission.reply(options), wait);
  const saved = await saveProfile(user.id, submission.value);
  if (!saved.ok) {
    if (saved.field === "affiliation") {
      return data(
        {
          result: submission.reply({ fieldErrors: { affiliation: [problem("expert.affiliationUnknown")] } }),
          candidates: saved.candidates,
          saved: null,
        },
        { status: 400 },
      );
    }
    return data(
      {
        result: submission.reply({ fieldErrors: { fieldSlugs: [problem("request.fieldUnknown")] } }),
        candidates: null,
        saved: null,
      },
      { status: 400 },
    );
  }
  return data({ result: submission.reply(), candidates: null, saved: saved.status });
}

export default function MyProfile() {
  const { profile, reconfirm, areas, affiliation, userName } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const affiliationNews = AFFILIATION_NEWS[searchParams.get("affiliation") ?? ""];
  const t = useT();
  const lang = useLanguage();
  const [form, fields] = useForm({
    // A stable id of our own: React's (":r1:") is not a valid HTML id.
    id: "me-profile-form",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ExpertProfileSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const saved = actionData && "saved" in actionData ? actionData.saved : null;
  // After a failed submission, the form shows what was sent; otherwise the saved profile.
  const sent = saved ? undefined : (actionData?.result.initialValue as Record<string, unknown> | undefined);
  const value = <T,>(name: string, saved: T): T => (sent && name in sent ? (sent[name] as T) : saved);
  const savedAbout = {
    keywords: splitLines(profile?.keywords ?? "").join("\n"),
    bioVi: profile?.bioVi ?? "",
    bioEn: profile?.bioEn ?? "",
  };
  const savedLinks = profile?.links ?? [];
  const linkRows = [
    ...savedLinks.map((link) => ({
      id: link.id,
      kind: link.kind,
      title: link.title,
      url: link.url ?? "",
      year: link.year ? String(link.year) : "",
    })),
  ];
  for (let i = 0; i < BLANK_LINK_ROWS; i++)
    linkRows.push({ id: "", kind: "publication", title: "", url: "", year: "" });
  const candidates = (actionData && "candidates" in actionData ? actionData.candidates : null) as
    OrganizationChoice[] | null;
  const affiliationText = profile?.affiliation
    ? (profile.affiliation.acronym ?? pick(lang, profile.affiliation.nameVi, profile.affiliation.nameEn))
    : "";

  return (
    <FormPage title={t("profile.title")} intro={t("profile.intro")}>
      {saved === "published" ? (
        <div className="mb-4">
          <Notice>
            {t("profile.published")}{" "}
            {profile ? (
              <Link to={`/experts/${profile.slug}`} className="font-semibold underline">
                {t("profile.view")}
              </Link>
            ) : null}
          </Notice>
        </div>
      ) : null}
      {saved === "draft" ? (
        <div className="mb-4">
          <Notice>{t("profile.draftSaved")}</Notice>
        </div>
      ) : null}
      {/* Publications imported from a file, and the yearly reconfirmation (docs/decisions/071) */}
      {searchParams.has("imported") ? (
        <div className="mb-4">
          <Notice>
            {t("publications.import.done", {
              added: Number(searchParams.get("imported")) || 0,
              merged: Number(searchParams.get("merged")) || 0,
            })}
          </Notice>
        </div>
      ) : null}
      {profile ? (
        <ProfileReconfirmation
          status={profile.status}
          stale={reconfirm.stale}
          hidden={reconfirm.hidden}
          confirmed={searchParams.get("confirmed") === "1"}
        />
      ) : null}
      {/* end of the yearly reconfirmation */}
      {profile ? (
        <p className="mb-4 text-sm text-slate-700">
          {t(`profile.status.${profile.status}` as "profile.status.draft")}
          {profile.status === "published" ? (
            <>
              {" · "}
              <Link to={`/experts/${profile.slug}`} className="text-brand-700 underline">
                {t("profile.view")}
              </Link>
            </>
          ) : null}
        </p>
      ) : null}
      {/* Its own address: not the ?imported= or ?confirmed= the page may have been opened with */}
      <Form method="post" action="/me/profile" className="space-y-5" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
          <SelectField
            label={t("profile.academicTitle")}
            name="title"
            defaultValue={value("title", profile?.title ?? "none")}
            errors={fields.title.errors}
            options={ACADEMIC_TITLES.map((title) => ({ value: title, label: ACADEMIC_TITLE_LABELS[title][lang] }))}
          />
          <Field
            label={t("profile.fullName")}
            name="fullName"
            defaultValue={value("fullName", profile?.fullName ?? userName)}
            errors={fields.fullName.errors}
            maxLength={120}
            required
          />
        </div>
        {candidates && candidates.length > 0 ? (
          <div className="rounded-lg border border-amber-300 bg-amber-50 p-3">
            <ErrorList errors={fields.affiliation.errors} />
            <ChoiceGroup
              legend={t("expert.affiliationPick")}
              name="affiliation"
              type="radio"
              options={candidates.map((candidate) => ({
                value: candidate.slug,
                label: `${pick(lang, candidate.nameVi, candidate.nameEn)}${candidate.acronym ? ` (${candidate.acronym})` : ""}`,
              }))}
            />
          </div>
        ) : (
          <Field
            label={t("profile.affiliation")}
            hint={t("profile.affiliationHint")}
            name="affiliation"
            defaultValue={value("affiliation", affiliationText)}
            errors={fields.affiliation.errors}
            maxLength={200}
          />
        )}
        <Field
          label={t("profile.position")}
          name="position"
          defaultValue={value("position", profile?.position ?? "")}
          errors={fields.position.errors}
          maxLength={150}
        />
        <Field
          label={t("publications.orcid")}
          hint={t("publications.orcidHint")}
          name="orcid"
          defaultValue={value("orcid", profile?.orcid ?? "")}
          errors={fields.orcid.errors}
          maxLength={60}
          autoComplete="off"
          spellCheck={false}
        />
        {/* Based abroad (docs/decisions/076) */}
        <OverseasSection
          value={{
            country: value("country", profile?.country ?? ""),
            institutionAbroad: value("institutionAbroad", profile?.institutionAbroad ?? ""),
            workModes: value("workModes", splitLines(profile?.workModes ?? "")),
            languages: value("languages", splitLines(profile?.languages ?? "")),
          }}
          errors={(name) => fields[name].errors}
        />
        <FieldPicker
          legend={t("profile.fields")}
          areas={areas}
          selected={value("fieldSlugs", profile?.fields.map(({ field }) => field.slug) ?? []) as string[]}
          errors={fields.fieldSlugs.errors}
        />
        <DescribedFields
          specs={ABOUT}
          value={(name) => value(name, savedAbout[name])}
          errors={(name) => fields[name].errors}
        />
        <ChoiceGroup
          legend={t("profile.offers")}
          name="offers"
          defaultValue={value("offers", splitLines(profile?.offers ?? ""))}
          errors={fields.offers.errors}
          options={OFFERS.map((offer) => ({ value: offer, label: OFFER_LABELS[offer][lang] }))}
        />
        <ChoiceGroup
          legend={t("profile.inquiries")}
          name="inquiries"
          type="radio"
          defaultValue={value("inquiries", profile?.inquiriesOpen === false ? "requests-only" : "open")}
          errors={fields.inquiries.errors}
          options={INQUIRY_CHOICES.map((choice) => ({ value: choice, label: t(`profile.inquiries.${choice}`) }))}
        />
        <fieldset id="publications">
          <legend className="text-sm font-medium text-slate-800">{t("profile.links")}</legend>
          <p className="mt-1 text-sm text-slate-600">{t("profile.linksHint")}</p>
          {/* The way to the file import below (publications module, docs/decisions/071) */}
          {profile ? (
            <p className="mt-1 text-sm">
              <a href="#publications-import" className="text-brand-700 underline">
                {t("publications.import.heading")}
              </a>
            </p>
          ) : null}
          <ErrorList errors={fields.links.errors} />
          <div className="mt-2 space-y-3">
            {linkRows.map((link, i) => (
              <div key={i} className="grid gap-2 rounded-lg border border-slate-200 p-3 sm:grid-cols-[8rem_1fr_6rem]">
                {/* The saved row: what an import brought (authors, venue, DOI) stays with it. */}
                {link.id ? <input type="hidden" name={`links[${i}].id`} value={link.id} /> : null}
                <SelectField
                  label={t("profile.linkKind")}
                  name={`links[${i}].kind`}
                  defaultValue={link.kind}
                  options={LINK_KINDS.map((kind) => ({ value: kind, label: LINK_KIND_LABELS[kind][lang] }))}
                />
                <Field
                  label={t("profile.linkTitle")}
                  name={`links[${i}].title`}
                  defaultValue={link.title}
                  errors={form.allErrors[`links[${i}].title`]}
                  maxLength={300}
                />
                <Field
                  label={t("profile.linkYear")}
                  name={`links[${i}].year`}
                  defaultValue={link.year}
                  errors={form.allErrors[`links[${i}].year`]}
                  inputMode="numeric"
                  maxLength={4}
                />
                <Field
                  className="sm:col-span-3"
                  label={t("profile.linkUrl")}
                  name={`links[${i}].url`}
                  defaultValue={link.url}
                  errors={form.allErrors[`links[${i}].url`]}
                  type="url"
                  maxLength={500}
                />
              </div>
            ))}
          </div>
        </fieldset>
        <IntentButtons
          choices={[
            { intent: "publish", label: t("profile.publish") },
            { intent: "save-draft", label: t("profile.saveDraft"), tone: "secondary" },
          ]}
        />
      </Form>
      {/* Importing publications from a file (publications module, docs/decisions/071) */}
      {profile ? (
        <section className="mt-8 border-t border-slate-200 pt-6">
          <PublicationUploadForm />
        </section>
      ) : null}
      {/* end of importing publications */}
      {profile ? (
        <AffiliationSection
          state={affiliation}
          news={affiliationNews ? t(affiliationNews, { hours: AFFILIATION_LINK_HOURS }) : null}
        />
      ) : null}
    </FormPage>
  );
}

/** What the verification section says after its form or link sent the reader back here. */
const AFFILIATION_NEWS: Record<string, "affiliation.sent" | "affiliation.asked" | "affiliation.confirm.done"> = {
  sent: "affiliation.sent",
  asked: "affiliation.asked",
  verified: "affiliation.confirm.done",
};

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
