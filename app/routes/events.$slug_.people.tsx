import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, HoneypotField, SelectField, SubmitButton, TextareaField } from "~/components/forms";
import { PageHeader, ParentLink } from "~/components/page";
import { ButtonLink } from "~/components/ui/button";
import { Notice } from "~/components/ui/notice";
import { getUser, requireUser } from "~/auth/auth.server";
import { newFormToken } from "~/auth/form-token.server";
import { formatSlot } from "~/domain/meeting";
import { pick, useLanguage, useT } from "~/i18n/i18n";
import { peopleAtEvent, publishedEvent } from "~/models/meeting.server";
import { keepRetryAfter } from "~/utils/headers";
import { titled, languageOf } from "~/utils/meta";
import { invariantResponse, readForm } from "~/utils/misc";
import { INTERESTS_MAX, MEETING_MESSAGE_MAX } from "~/validation/meeting";
import { peopleAction } from "./__meeting-actions.server";

/**
 * Who is coming to an event, for its registered participants (docs/decisions/073): the
 * others who opted in, a request form for one of them at a time (?with=), and one's own
 * listing. Visitors are asked to sign in; members not registered are sent to register.
 */
export const meta: MetaFunction<typeof loader> = (args) => {
  const lang = languageOf(args.matches);
  return titled(args, (t) =>
    args.data
      ? t("people.title", { title: pick(lang, args.data.event.titleVi, args.data.event.titleEn) })
      : t("error.404"),
  );
};

export const headers = keepRetryAfter;

export async function loader(args: LoaderFunctionArgs) {
  const event = await publishedEvent(args.params.slug ?? "");
  invariantResponse(event, "Not found", { status: 404 });
  const user = getUser(args);
  const list = await peopleAtEvent(event, user?.id ?? null);
  const now = new Date();
  return {
    event: {
      slug: event.slug,
      titleVi: event.titleVi,
      titleEn: event.titleEn,
      ended: event.endsAt <= now,
    },
    list:
      list.access === "registered"
        ? {
            ...list,
            slots: list.slots.map((slot) => ({ start: slot.start.toISOString(), end: slot.end.toISOString() })),
          }
        : list,
    chosen: new URL(args.request.url).searchParams.get("with"),
    formToken: newFormToken(),
  };
}

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const event = await publishedEvent(args.params.slug ?? "");
  invariantResponse(event, "Not found", { status: 404 });
  return peopleAction(args, user, event, await readForm(args.request));
}

export default function EventPeople() {
  const { event, list, chosen, formToken } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const lang = useLanguage();
  const title = pick(lang, event.titleVi, event.titleEn);
  const eventUrl = `/events/${event.slug}`;
  const here = `${eventUrl}/people`;
  const request = actionData && "request" in actionData ? actionData.request : null;
  const listing = actionData && "listing" in actionData ? actionData.listing : null;
  // A refused request opens its person's form again, with its messages and what was typed.
  const sent = (request?.initialValue ?? null) as Record<string, unknown> | null;
  const sentText = (name: string) => (typeof sent?.[name] === "string" ? (sent[name] as string) : undefined);
  const open = sentText("registrationId") ?? chosen;
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <ParentLink to={eventUrl}>{t("people.back")}</ParentLink>
      <PageHeader title={t("people.title", { title })}>
        {list.access === "registered" ? (
          <ButtonLink to="/me/agenda" variant="secondary">
            {t("people.agenda")}
          </ButtonLink>
        ) : null}
      </PageHeader>
      {list.access === "closed" ? (
        <Notice>{t("people.closed")}</Notice>
      ) : list.access === "signIn" ? (
        <Notice title={t("people.signInHint")}>
          <Link to={`/login?redirectTo=${encodeURIComponent(here)}`} className="font-semibold underline">
            {t("people.signIn")}
          </Link>
        </Notice>
      ) : list.access === "notRegistered" ? (
        <Notice title={t("people.notRegistered")}>
          <Link to={`${eventUrl}/registration`} className="font-semibold underline">
            {t("people.register")}
          </Link>
        </Notice>
      ) : (
        <>
          {event.ended ? (
            <Notice tone="warning">{t("people.ended")}</Notice>
          ) : (
            <p className="text-slate-700">{t("people.intro")}</p>
          )}
          <p className="text-sm text-slate-600">
            {list.people.length === 0 ? t("people.empty") : t("people.count", { count: list.people.length })}
          </p>
          <ul className="space-y-3">
            {list.people.map((person) => (
              <li key={person.id} id={`p-${person.id}`} className="rounded-2xl border border-slate-200 bg-white p-4">
                <h2 className="text-lg font-semibold break-words">{person.name}</h2>
                {person.expert || person.organization ? (
                  <p className="mt-1 text-sm break-words">
                    {person.expert ? (
                      <Link to={`/experts/${person.expert.slug}`} className="text-brand-700 underline">
                        {t("people.expert")}: {person.expert.fullName}
                      </Link>
                    ) : null}
                    {person.expert && person.organization ? " · " : null}
                    {person.organization ? (
                      <Link to={`/organizations/${person.organization.slug}`} className="text-brand-700 underline">
                        {pick(lang, person.organization.nameVi, person.organization.nameEn)}
                      </Link>
                    ) : null}
                  </p>
                ) : null}
                {person.interests ? (
                  <p className="mt-2 text-sm break-words whitespace-pre-line">
                    <span className="font-medium text-slate-600">{t("people.interests")}: </span>
                    {person.interests}
                  </p>
                ) : null}
                {!event.ended ? (
                  open === person.id ? (
                    <Form method="post" action={here} className="mt-3 space-y-3 border-t border-slate-200 pt-3">
                      <h3 id="request" className="font-semibold">
                        {t("people.requestTitle", { name: person.name })}
                      </h3>
                      <FormErrors errors={request?.error?.[""]} />
                      <HoneypotField />
                      <input type="hidden" name="intent" value="request" />
                      <input type="hidden" name="formToken" value={formToken} />
                      <input type="hidden" name="registrationId" value={person.id} />
                      {list.slots.length ? (
                        <SelectField
                          label={t("people.slot")}
                          name="slot"
                          required
                          placeholder={t("people.slotNone")}
                          defaultValue={sentText("slot") ?? ""}
                          options={list.slots.map((slot) => ({
                            value: slot.start,
                            label: formatSlot(lang, slot.start, slot.end),
                          }))}
                          errors={request?.error?.slot ?? request?.error?.registrationId}
                        />
                      ) : (
                        <p className="text-sm text-slate-700">{t("people.noSlots")}</p>
                      )}
                      <TextareaField
                        label={t("people.message")}
                        hint={t("people.messageHint")}
                        name="message"
                        rows={3}
                        required
                        maxLength={MEETING_MESSAGE_MAX}
                        defaultValue={sentText("message")}
                        errors={request?.error?.message}
                      />
                      <div className="flex flex-wrap items-center gap-3">
                        <SubmitButton>{t("people.send")}</SubmitButton>
                        <Link to={`${here}#p-${person.id}`} className="text-brand-700 underline">
                          {t("people.cancelRequest")}
                        </Link>
                      </div>
                    </Form>
                  ) : (
                    <Link
                      to={`${here}?with=${person.id}#request`}
                      className="mt-3 inline-block font-semibold text-brand-700 underline"
                    >
                      {t("people.request", { name: person.name })}
                    </Link>
                  )
                ) : null}
              </li>
            ))}
          </ul>
          <section id="own" aria-labelledby="own-title" className="rounded-2xl border border-slate-200 bg-white p-4">
            <h2 id="own-title" className="text-lg font-semibold">
              {t("people.own")}
            </h2>
            <p className="mt-1 text-sm text-slate-700">
              {list.own.listed ? t("people.ownListed") : t("people.ownHidden")}
            </p>
            {searchParams.get("saved") && !listing ? <Notice>{t("people.saved")}</Notice> : null}
            <Form method="post" action={here} className="mt-3 space-y-3">
              <FormErrors errors={listing?.error?.[""]} />
              <input type="hidden" name="intent" value="listing" />
              <label className="flex items-start gap-2">
                <input
                  type="checkbox"
                  name="listed"
                  defaultChecked={list.own.listed}
                  className="mt-1 size-5 shrink-0"
                />
                <span>{t("people.listed")}</span>
              </label>
              <TextareaField
                label={t("people.ownInterests")}
                hint={t("people.ownInterestsHint")}
                name="interests"
                rows={3}
                maxLength={INTERESTS_MAX}
                defaultValue={
                  typeof listing?.initialValue?.interests === "string"
                    ? listing.initialValue.interests
                    : list.own.interests
                }
                errors={listing?.error?.interests}
              />
              <SubmitButton tone="secondary">{t("people.save")}</SubmitButton>
            </Form>
          </section>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary messages={{ 404: "error.404" }} />;
}
