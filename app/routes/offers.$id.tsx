import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { BookingCalendar } from "~/components/booking-calendar";
import { BookingForm } from "~/components/booking-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { IntentForm } from "~/components/forms";
import { InquiryBox } from "~/components/inquiry-box";
import { Panel } from "~/components/page";
import { Badge } from "~/components/ui/badge";
import { ButtonLink } from "~/components/ui/button";
import { Notice } from "~/components/ui/notice";
import { formatNumber, pick, useLanguage, useT, type Language } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { getUser, requireUser } from "~/auth/auth.server";
import { findDistrict } from "~/domain/districts";
import { findWard, wardLabel } from "~/domain/wards";
import { photoUrl } from "~/domain/offer-photo";
import {
  ACCESS_MODE_LABELS,
  AUDIENCE_LABELS,
  EQUIPMENT_CATEGORY_LABELS,
  IP_STATUS_LABELS,
  OFFER_STATUS_LABELS,
  OFFER_TYPE_LABELS,
  OFFERED_AS_LABELS,
  type AccessMode,
  type Audience,
  type EquipmentCategory,
  type IpStatus,
  type OfferedAs,
  type OfferStatus,
  type OfferType,
} from "~/domain/offer-values";
import { archiveOffer, confirmOffer, offerForPage } from "~/models/offer.server";
import { bookingOnOfferPage } from "~/models/booking.server";
import { bookAction } from "./__booking-actions.server";
import { inquiryAction, inquiryData, isInquiry } from "./__inquiry.server";
import { keepRetryAfter } from "~/utils/headers";
import { titled } from "~/utils/meta";
import { externalUrlLabel, invariantResponse, readForm } from "~/utils/misc";

/**
 * An offer's own page: everything public about it. Unpublished or hidden offers
 * are 404 except for their owners and officials, who also confirm or withdraw here.
 */
export const meta: MetaFunction<typeof loader> = (args) => {
  const { data } = args;
  if (!data) return titled(args, (t) => t("error.404.offer"));
  const { offer } = data;
  const lang = data.lang as Language;
  return titled(args, pick(lang, offer.nameVi, offer.nameEn), {
    description: pick(lang, offer.descriptionVi, offer.descriptionEn) || null,
  });
};

const ID = /^[a-z0-9]{10,40}$/;
const lines = (value: string) => value.split("\n").filter(Boolean);

export async function loader(args: LoaderFunctionArgs) {
  const id = args.params.id ?? "";
  invariantResponse(ID.test(id), "Not found", { status: 404 });
  const viewer = getUser(args);
  const [lang, found, inquiry] = await Promise.all([
    getLanguage(args.request),
    offerForPage(id, viewer),
    inquiryData({ type: "offer", id }, viewer),
  ]);
  invariantResponse(found, "Not found", { status: 404 });
  const { offer, isPublic, canManage } = found;
  // Instruments take booking requests (docs/decisions/063); their calendar shows here.
  const booking =
    isPublic && offer.type === "equipment"
      ? await bookingOnOfferPage(offer, viewer, new URL(args.request.url).searchParams.get("month"))
      : null;
  const organization = offer.organization?.status === "published" ? offer.organization : null;
  const researcher = offer.ownerExpert?.status === "published" ? offer.ownerExpert : null;
  // A public-source offer shows no price: nobody at the organization has stated one.
  const priced = !offer.fromPublicSource && offer.type === "service";
  return {
    lang,
    canManage,
    isPublic,
    booking,
    inquiry,
    offer: {
      id: offer.id,
      type: offer.type as OfferType,
      status: offer.status as OfferStatus,
      refusal: canManage && offer.status === "rejected" ? offer.reviewNote : null,
      photos: offer.photos.map((photo) => ({
        url: photoUrl(photo.key, 1200),
        altVi: photo.altVi,
        altEn: photo.altEn,
      })),
      nameVi: offer.nameVi,
      nameEn: offer.nameEn,
      descriptionVi: offer.descriptionVi,
      descriptionEn: offer.descriptionEn,
      method: offer.method,
      sampleRequirements: offer.sampleRequirements,
      turnaround: offer.turnaround,
      audience: lines(offer.audience) as Audience[],
      price: priced
        ? {
            mode: offer.priceMode,
            min: offer.priceMinVnd,
            max: offer.priceMaxVnd,
            freeFor: lines(offer.freeFor) as Audience[],
          }
        : null,
      instrument: offer.instrument,
      make: offer.make,
      model: offer.model,
      category: offer.category as EquipmentCategory | null,
      specifications: offer.specifications ? lines(offer.specifications) : [],
      building: offer.building,
      district: offer.district,
      ward: offer.ward,
      accessMode: offer.accessMode as AccessMode | null,
      conditions: offer.conditions,
      applications: offer.applications,
      trl: offer.trl,
      ipStatus: offer.ipStatus as IpStatus | null,
      ipNumber: offer.ipNumber,
      offeredAs: lines(offer.offeredAs) as OfferedAs[],
      transferredTo: offer.transferredTo,
      // A public mark of a confirmed licence or transfer on the portal (docs/decisions/074): never its value.
      licensed: offer.licensedAt !== null,
      fromPublicSource: offer.fromPublicSource,
      sources: offer.fromPublicSource ? lines(offer.sourceUrls) : [],
      stale: offer.staleSince !== null,
      hidden: offer.hiddenAt !== null,
      organization: organization
        ? { slug: organization.slug, nameVi: organization.nameVi, nameEn: organization.nameEn }
        : null,
      researcher: researcher ? { slug: researcher.slug, fullName: researcher.fullName } : null,
      fields: offer.fields.map(({ field }) => field),
      inventors: offer.inventors.flatMap(({ expert }) =>
        expert.status === "published" ? [{ slug: expert.slug, fullName: expert.fullName }] : [],
      ),
    },
  };
}

export const headers = keepRetryAfter;

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const id = args.params.id ?? "";
  invariantResponse(ID.test(id), "Not found", { status: 404 });
  const form = await readForm(args.request);
  // Anyone signed in may send an inquiry about a public offer; the rest is its managers'.
  if (isInquiry(form)) return inquiryAction(args, form, { type: "offer", id });
  const found = await offerForPage(id, user);
  invariantResponse(found, "Not found", { status: 404 });
  const intent = form.get("intent");
  if (intent === "book") return bookAction(args, user, id, form);
  if (!found.canManage) throw new Response("You are not allowed to do this.", { status: 403 });
  if (intent === "confirm") {
    await confirmOffer(user, id);
    return redirect(`/offers/${id}?confirmed=1`);
  }
  if (intent === "archive") {
    await archiveOffer(user, id);
    // Withdrawn from its own page: back to the organization's, or the owner's profile.
    const owner = found.offer.organization?.slug;
    return redirect(owner ? `/organizations/${owner}?archived=1` : `/offers/${id}?archived=1`);
  }
  throw new Response("Unknown intent", { status: 400 });
}

export default function OfferPage() {
  const { offer, canManage, booking, inquiry } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const lang = useLanguage();
  const name = pick(lang, offer.nameVi, offer.nameEn);
  const otherName = lang === "vi" ? offer.nameEn : offer.nameVi;
  const description = pick(lang, offer.descriptionVi, offer.descriptionEn);
  // Text only in the other language is marked as such (seeded descriptions are English).
  const other = lang === "vi" ? "en" : "vi";
  const nameLang = (lang === "vi" ? offer.nameVi : offer.nameEn) ? undefined : other;
  const descriptionLang = (lang === "vi" ? offer.descriptionVi : offer.descriptionEn) ? undefined : other;
  const edited = searchParams.get("edited");
  const money = (value: number) => formatNumber(lang, value);
  const ward = findWard(offer.ward);
  const district = findDistrict(offer.district);
  const location = [offer.building, ward ? wardLabel(ward, lang) : null, district ? district[lang] : null]
    .filter(Boolean)
    .join(", ");

  return (
    <article className="space-y-6">
      {offer.organization ? (
        <nav aria-label={t("offer.breadcrumb")} className="text-sm text-slate-600">
          <Link to={`/organizations/${offer.organization.slug}`} className="text-brand-700 hover:underline">
            {pick(lang, offer.organization.nameVi, offer.organization.nameEn)}
          </Link>
        </nav>
      ) : null}
      {searchParams.has("sent") ? <Notice>{t("offer.sent")}</Notice> : null}
      {edited === "pending" ? <Notice>{t("offer.savedPending")}</Notice> : null}
      {edited === "saved" ? <Notice>{t("offer.saved")}</Notice> : null}
      {edited === "unchanged" ? <Notice>{t("offer.unchanged")}</Notice> : null}
      {searchParams.has("confirmed") ? <Notice>{t("offer.confirmed")}</Notice> : null}
      {searchParams.has("archived") ? <Notice>{t("offer.archived")}</Notice> : null}

      <header className="rounded-2xl border border-slate-200 bg-white p-5 sm:p-8">
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone="brand">{OFFER_TYPE_LABELS[offer.type][lang]}</Badge>
          {offer.transferredTo !== null ? <Badge>{t("offer.transferredBadge")}</Badge> : null}
          {offer.licensed ? (
            <span data-licensed>
              <Badge tone="success">{t("offer.licensedBadge")}</Badge>
            </span>
          ) : null}
          {offer.stale ? <Badge>{t("offer.stale")}</Badge> : null}
          {offer.status !== "published" ? (
            <Badge>{t("offer.status", { status: OFFER_STATUS_LABELS[offer.status][lang] })}</Badge>
          ) : null}
        </div>
        <h1 className="mt-3 text-2xl font-bold break-words sm:text-3xl" lang={nameLang}>
          {name}
        </h1>
        {otherName && otherName !== name ? (
          <p className="mt-1 break-words text-slate-600" lang={lang === "vi" ? "en" : "vi"}>
            {otherName}
          </p>
        ) : null}
        {offer.fromPublicSource ? (
          <p role="note" className="mt-4 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
            {t("offer.publicSource")}
          </p>
        ) : null}
        {offer.stale ? <p className="mt-3 text-sm text-slate-700">{t("offer.staleNote")}</p> : null}
        {offer.hidden ? <p className="mt-3 text-sm text-slate-700">{t("offer.hidden")}</p> : null}
        {offer.refusal ? (
          <p className="mt-3 text-sm text-red-800">{t("offer.reviewNote", { note: offer.refusal })}</p>
        ) : null}
        {description ? (
          <p className="mt-4 whitespace-pre-line" lang={descriptionLang}>
            {description}
          </p>
        ) : null}
      </header>

      {offer.photos.length ? (
        <section aria-label={t("offer.photos")}>
          <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            {offer.photos.map((photo) => (
              <li key={photo.url}>
                <img
                  src={photo.url}
                  alt={pick(lang, photo.altVi, photo.altEn) ?? ""}
                  className="w-full rounded-2xl border border-slate-200 bg-white object-contain"
                />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <Panel id="offer-facts" title={t(`offer.section.${offer.type}`)}>
        <dl className="mt-3 grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
          <Fact label={t("offer.method")}>{offer.method}</Fact>
          <Fact label={t("offer.instrument")}>{offer.instrument}</Fact>
          <Fact label={t("offer.make")}>{offer.make}</Fact>
          <Fact label={t("offer.model")}>{offer.model}</Fact>
          <Fact label={t("offer.category")}>
            {offer.category ? EQUIPMENT_CATEGORY_LABELS[offer.category][lang] : null}
          </Fact>
          <Fact label={t("offer.specifications")}>
            {offer.specifications.length ? (
              <ul className="list-disc pl-5">
                {offer.specifications.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : null}
          </Fact>
          <Fact label={t("offer.sampleRequirements")}>{offer.sampleRequirements}</Fact>
          <Fact label={t("offer.turnaround")}>{offer.turnaround}</Fact>
          <Fact label={t("offer.audience")}>
            {offer.audience.map((audience) => AUDIENCE_LABELS[audience][lang]).join(", ") || null}
          </Fact>
          <Fact label={t("offer.priceMode")}>
            {offer.price?.mode === "range" && offer.price.min !== null
              ? offer.price.max !== null
                ? t("offer.priceRange", { min: money(offer.price.min), max: money(offer.price.max) })
                : t("offer.priceFrom", { min: money(offer.price.min) })
              : offer.price?.mode === "quote" || offer.price?.mode === "free"
                ? t(offer.price.mode === "quote" ? "offer.priceQuote" : "offer.priceFree")
                : null}
          </Fact>
          <Fact label={t("offer.freeFor")}>
            {offer.price?.freeFor.map((audience) => AUDIENCE_LABELS[audience][lang]).join(", ") || null}
          </Fact>
          <Fact label={t("offer.accessMode")}>
            {offer.accessMode ? ACCESS_MODE_LABELS[offer.accessMode][lang] : null}
          </Fact>
          <Fact label={t("offer.conditions")}>{offer.conditions}</Fact>
          <Fact label={t("offer.location")}>{location || null}</Fact>
          <Fact label={t("offer.applications")}>{offer.applications}</Fact>
          <Fact label={t("offer.trl")}>{offer.trl !== null ? `TRL ${offer.trl}` : null}</Fact>
          <Fact label={t("offer.ipStatus")}>
            {offer.ipStatus
              ? `${IP_STATUS_LABELS[offer.ipStatus][lang]}${offer.ipNumber ? ` (${offer.ipNumber})` : ""}`
              : null}
          </Fact>
          <Fact label={t("offer.offeredAs")}>
            {offer.offeredAs.map((kind) => OFFERED_AS_LABELS[kind][lang]).join(", ") || null}
          </Fact>
          <Fact label={t("offer.transferred")}>
            {offer.transferredTo ? t("offer.transferredToText", { to: offer.transferredTo }) : null}
          </Fact>
          <Fact label={offer.organization ? t("offer.owner") : t("offer.ownerResearcher")}>
            {offer.organization ? (
              <Link to={`/organizations/${offer.organization.slug}`} className="text-brand-700 underline">
                {pick(lang, offer.organization.nameVi, offer.organization.nameEn)}
              </Link>
            ) : offer.researcher ? (
              <Link to={`/experts/${offer.researcher.slug}`} className="text-brand-700 underline">
                {offer.researcher.fullName}
              </Link>
            ) : null}
          </Fact>
          <Fact label={t("offer.inventorsTitle")}>
            {offer.inventors.length ? (
              <ul className="flex flex-wrap gap-x-3">
                {offer.inventors.map((inventor) => (
                  <li key={inventor.slug}>
                    <Link to={`/experts/${inventor.slug}`} className="text-brand-700 underline">
                      {inventor.fullName}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
          </Fact>
          <Fact label={t("offer.fields")}>
            {offer.fields.length ? (
              <ul className="flex flex-wrap gap-2">
                {offer.fields.map((field) => (
                  <li key={field.slug}>
                    <Badge>{pick(lang, field.nameVi, field.nameEn)}</Badge>
                  </li>
                ))}
              </ul>
            ) : null}
          </Fact>
        </dl>
      </Panel>

      {offer.sources.length ? (
        <Panel id="offer-sources" title={t("offer.sources")}>
          <ul className="mt-2 space-y-1 text-sm">
            {offer.sources.map((url) => (
              <li key={url} className="break-all">
                <a href={url} rel="noopener noreferrer nofollow" className="text-brand-700 underline">
                  {externalUrlLabel(url)}
                </a>
              </li>
            ))}
          </ul>
        </Panel>
      ) : null}

      {booking ? (
        <>
          <BookingForm
            booking={booking.form}
            lastResult={actionData && "booking" in actionData ? actionData.booking : undefined}
          />
          <BookingCalendar month={booking.month} bookings={booking.calendar} />
        </>
      ) : null}
      <InquiryBox
        {...inquiry}
        contactsHref={offer.organization ? `/organizations/${offer.organization.slug}#contact` : undefined}
        toTeam={Boolean(offer.organization)}
      />

      {canManage ? (
        <Panel id="confirm" title={t("offer.manage")}>
          <div className="mt-3 flex flex-wrap items-start gap-3">
            <ButtonLink to={`/offers/${offer.id}/edit`} variant="secondary">
              {t("offer.edit")}
            </ButtonLink>
            {offer.type === "equipment" && offer.status !== "archived" ? (
              <ButtonLink to={`/offers/${offer.id}/photos`} variant="secondary">
                {t("offer.photos.manage")}
              </ButtonLink>
            ) : null}
            {offer.status === "published" ? (
              <IntentForm intent="confirm" label={t("offer.confirm")} tone="primary" className="space-y-1">
                <p className="text-sm text-slate-600">{t("offer.confirmHint")}</p>
              </IntentForm>
            ) : null}
            {offer.status !== "archived" ? (
              <IntentForm
                intent="archive"
                label={offer.fromPublicSource ? t("offer.remove") : t("offer.archive")}
                tone="danger"
              >
                {null}
              </IntentForm>
            ) : null}
          </div>
        </Panel>
      ) : null}
    </article>
  );
}

/** One fact of the offer; nothing at all when it has no value. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === "") return null;
  return (
    <>
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="break-words">{children}</dd>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary messages={{ 404: "error.404.offer" }} />;
}
