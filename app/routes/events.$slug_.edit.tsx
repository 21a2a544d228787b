import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v3";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EventFormFields } from "~/components/event-form";
import { FormErrors, SubmitButton } from "~/components/forms";
import { sentValues } from "~/components/offer-form";
import { FormPage } from "~/components/page";
import { Notice } from "~/components/ui/notice";
import { useT } from "~/i18n/i18n";
import { requireUser } from "~/auth/auth.server";
import { isOfficial } from "~/auth/permissions";
import { toHanoiLocal } from "~/domain/event-time";
import { taxonomyForPicker } from "~/models/field.server";
import { editEvent, eventForEdit } from "~/models/event.server";
import { keepRetryAfter } from "~/utils/headers";
import { titled } from "~/utils/meta";
import { invariantResponse, readForm } from "~/utils/misc";
import { EventSchema } from "~/validation/event";
import { readEventForm } from "./__event-form.server";

/** An event's organizers (and officials) edit it; anyone else gets 404, as for an event they may not see. */
export const meta: MetaFunction = (args) => titled(args, (t) => t("event.edit.title"));

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

async function editable(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const slug = args.params.slug ?? "";
  invariantResponse(SLUG.test(slug) && slug.length <= 120, "Not found", { status: 404 });
  const event = await eventForEdit(slug, user);
  invariantResponse(event, "Not found", { status: 404 });
  return { user, event };
}

export async function loader(args: LoaderFunctionArgs) {
  const { user, event } = await editable(args);
  const text = (value: string | number | null) => (value === null ? "" : String(value));
  const saved: Record<string, string> = {
    kind: event.kind,
    titleVi: text(event.titleVi),
    titleEn: text(event.titleEn),
    descriptionVi: text(event.descriptionVi),
    descriptionEn: text(event.descriptionEn),
    startsAt: toHanoiLocal(event.startsAt),
    endsAt: toHanoiLocal(event.endsAt),
    format: event.format,
    venue: text(event.venue),
    district: text(event.district),
    ward: text(event.ward),
    onlineUrl: text(event.onlineUrl),
    capacity: text(event.capacity),
    meetingMinutes: String(event.meetingMinutes),
    organizerName: text(event.organizerName),
  };
  const lists: Record<string, string[]> = {
    fieldSlugs: event.fields.map(({ field }) => field.slug),
    meetingsOpen: event.meetingsOpen ? ["on"] : [],
  };
  return {
    slug: event.slug,
    refusal: event.status === "rejected" ? event.reviewNote : null,
    cityOrganizer: isOfficial(user) && !event.organizationId,
    saved,
    lists,
    areas: await taxonomyForPicker(),
  };
}

export const headers = keepRetryAfter;

export async function action(args: ActionFunctionArgs) {
  const { user, event } = await editable(args);
  const formData = await readForm(args.request);
  const read = await readEventForm(formData, user, { isNew: false });
  if ("reply" in read) return read.reply;
  const outcome = await editEvent(user, event.id, { ...read.event, organizerName: read.organizerName });
  return redirect(`/events/${event.slug}?edited=${outcome}`);
}

export default function EditEvent() {
  const { slug, refusal, cityOrganizer, saved, lists, areas } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm({
    id: "events-edit-form",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EventSchema }),
    shouldValidate: "onBlur",
  });
  const sent = sentValues(actionData?.result);
  return (
    <FormPage title={t("event.edit.title")} intro={t("event.edit.intro")}>
      {refusal ? (
        <div className="mb-4">
          <Notice tone="error">{t("event.reviewNote", { note: refusal })}</Notice>
        </div>
      ) : null}
      <Form method="post" className="space-y-5" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <EventFormFields
          value={(name) => sent.text(name) ?? saved[name] ?? ""}
          list={(name) => sent.list(name) ?? lists[name] ?? []}
          errors={(name) => fields[name as keyof typeof fields]?.errors}
          areas={areas}
          cityOrganizer={cityOrganizer}
        />
        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton>{t("event.save")}</SubmitButton>
          <Link to={`/events/${slug}`} className="text-brand-700 underline">
            {t("form.cancel")}
          </Link>
        </div>
      </Form>
    </FormPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary messages={{ 404: "error.404.event" }} />;
}
