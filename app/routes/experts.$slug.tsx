import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Panel, ParentLink } from "~/components/page";
import { Badge } from "~/components/ui/badge";
import { pick, useLanguage, useT } from "~/i18n/i18n";
import { getPublishedExpert } from "~/models/expert.server";
import { AffiliationBadge } from "~/components/affiliation";
import { expertOffers, ownProfile } from "~/models/offer.server";
import { getUser } from "~/auth/auth.server";
import { getLanguage } from "~/i18n/language.server";
import { displayName, LINK_KINDS, OFFER_LABELS, splitLines, type Offer } from "~/domain/expert-values";
import { languageOf, titled } from "~/utils/meta";
import { directorySearch } from "~/utils/directory-query";
import { invariantResponse, readForm } from "~/utils/misc";
import { InquiryBox } from "~/components/inquiry-box";
import { OverseasDetails } from "~/components/overseas";
import { PublicationEntry } from "~/components/publication-entry";
import { Notice } from "~/components/ui/notice";
import { orcidUrl } from "~/domain/scholarly-ids";
import { shownInvitationsAnswered } from "~/models/responsiveness.server";
import { keepRetryAfter } from "~/utils/headers";
import { inquiryAction, inquiryData, isInquiry } from "./__inquiry.server";

export const meta: MetaFunction<typeof loader> = (args) => {
  const { data, matches } = args;
  if (!data) return titled(args, (t) => t("error.404"));
  const lang = languageOf(matches);
  return titled(args, displayName(data.expert, lang), {
    description: pick(lang, data.expert.bioVi, data.expert.bioEn),
  });
};

const SLUG = /^[a-z0-9-]{1,100}$/;

export async function loader(args: LoaderFunctionArgs) {
  const slug = args.params.slug ?? "";
  invariantResponse(SLUG.test(slug), "Not found", { status: 404 });
  const user = getUser(args);
  // The researcher still sees a profile the yearly reconfirmation hid; nobody else does.
  const [lang, found] = await Promise.all([getLanguage(args.request), getPublishedExpert(slug, user?.id)]);
  invariantResponse(found, "Not found", { status: 404 });
  const { hiddenAt, ...expert } = found;
  const [technologies, own, inquiry, invitations] = await Promise.all([
    expertOffers(expert.slug),
    user ? ownProfile(user.id) : Promise.resolve(null),
    inquiryData({ type: "expert", slug }, user),
    shownInvitationsAnswered(expert.slug),
  ]);
  // Its owner may offer a technology in their own name from here.
  return {
    lang,
    expert,
    technologies,
    isOwn: own?.slug === expert.slug,
    hidden: hiddenAt !== null,
    inquiry,
    invitations,
  };
}

export const headers = keepRetryAfter;

/** The page's one form: an inquiry to the researcher (when they take them). */
export async function action(args: ActionFunctionArgs) {
  const slug = args.params.slug ?? "";
  invariantResponse(SLUG.test(slug), "Not found", { status: 404 });
  const form = await readForm(args.request);
  if (!isInquiry(form)) throw new Response("Unknown intent", { status: 400 });
  return inquiryAction(args, form, { type: "expert", slug });
}

export default function ExpertPage() {
  const { expert, technologies, isOwn, hidden, inquiry, invitations } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLanguage();
  const affiliation = expert.affiliation?.status === "published" ? expert.affiliation : null;
  const bio = pick(lang, expert.bioVi, expert.bioEn);
  const offers = splitLines(expert.offers) as Offer[];
  return (
    <article className="space-y-6">
      <ParentLink to="/experts">{t("experts.title")}</ParentLink>
      {hidden ? (
        <Notice>
          {t("profileConfirm.hiddenPublic")}{" "}
          <Link to="/me/profile#confirm-profile" className="font-semibold underline">
            {t("profileConfirm.button")}
          </Link>
        </Notice>
      ) : null}
      <header className="rounded-2xl border border-slate-200 bg-white p-5 sm:p-8">
        <h1 className="text-2xl font-bold sm:text-3xl">{displayName(expert, lang)}</h1>
        <p className="mt-1 text-slate-700">
          {expert.position ? `${expert.position} · ` : ""}
          {affiliation ? (
            <Link to={`/organizations/${affiliation.slug}`} className="text-brand-700 underline">
              {pick(lang, affiliation.nameVi, affiliation.nameEn)}
            </Link>
          ) : null}
        </p>
        <p className="mt-2">
          <AffiliationBadge verified={expert.affiliationVerified && affiliation !== null} />
        </p>
        <OverseasDetails expert={expert} />
        {expert.orcid ? (
          <p className="mt-2 text-sm">
            <a href={orcidUrl(expert.orcid)} rel="noopener noreferrer" className="text-brand-700 underline">
              {t("publications.orcidLink", { orcid: expert.orcid })}
            </a>
          </p>
        ) : null}
        {bio ? <p className="mt-4 max-w-3xl whitespace-pre-line leading-relaxed">{bio}</p> : null}
      </header>
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel id="expertise" title={t("expert.fields")}>
          <ul className="mt-3 flex flex-wrap gap-2">
            {expert.fields.map(({ field }) => (
              <li key={field.slug}>
                <Link to={`/directory${directorySearch({ fields: [field.slug] })}`}>
                  <Badge tone="brand">{lang === "vi" ? field.nameVi : field.nameEn}</Badge>
                </Link>
              </li>
            ))}
          </ul>
          {splitLines(expert.keywords).length > 0 ? (
            <>
              <h3 className="mt-4 font-medium">{t("expert.keywords")}</h3>
              <ul className="mt-2 flex flex-wrap gap-2">
                {splitLines(expert.keywords).map((keyword) => (
                  <li key={keyword}>
                    <Badge>{keyword}</Badge>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {offers.length > 0 ? (
            <>
              <h3 className="mt-4 font-medium">{t("expert.offers")}</h3>
              <ul className="mt-2 list-disc pl-5 text-sm">
                {offers.map((offer) => (
                  <li key={offer}>{OFFER_LABELS[offer]?.[lang] ?? offer}</li>
                ))}
              </ul>
            </>
          ) : null}
        </Panel>
        {technologies.length > 0 || isOwn ? (
          <Panel id="technologies" title={t("offer.group.technology")}>
            <ul className="mt-3 space-y-1">
              {technologies.map((offer) => (
                <li key={offer.id}>
                  <Link to={`/offers/${offer.id}`} className="break-words text-brand-700 underline">
                    {pick(lang, offer.nameVi, offer.nameEn)}
                  </Link>
                </li>
              ))}
            </ul>
            {isOwn ? (
              <p className="mt-3 text-sm">
                <Link to="/offers/new?type=technology" className="font-medium text-brand-700 underline">
                  + {t("offer.add.technology")}
                </Link>
              </p>
            ) : null}
          </Panel>
        ) : null}
        <InquiryBox {...inquiry} />
        {invitations ? (
          <p className="text-sm text-slate-700" data-testid="invitations-answered">
            {t("feedback.invitationsFigure", invitations)}
          </p>
        ) : null}
        {expert.links.length ? (
          <section className="space-y-4 rounded-2xl border border-slate-200 bg-white p-5">
            {LINK_KINDS.map((kind) => {
              const links = expert.links.filter((link) => link.kind === kind);
              if (links.length === 0) return null;
              return (
                <div key={kind}>
                  <h2 className="text-lg font-semibold">{t(`expert.links.${kind}`)}</h2>
                  <ul className="mt-2 space-y-3 text-sm">
                    {links.map((link) => (
                      <li key={link.id}>
                        <PublicationEntry link={link} />
                      </li>
                    ))}
                  </ul>
                </div>
              );
            })}
          </section>
        ) : null}
      </div>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary messages={{ 404: "error.404" }} />;
}
