import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v3";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EventFormFields } from "~/components/event-form";
import { FormErrors, SubmitButton } from "~/components/forms";
import { sentValues } from "~/components/offer-form";
import { FormPage } from "~/components/page";
import { pick, useT } from "~/i18n/i18n";
import { forbidden, requireUser } from "~/auth/auth.server";
import { newFormToken } from "~/auth/form-token.server";
import { isOfficial } from "~/auth/permissions";
import type { SessionUser } from "~/auth/session.server";
import { taxonomyForPicker } from "~/models/field.server";
import { createEvent, mayOrganize, organizationForEvents, organizerChoices } from "~/models/event.server";
import { keepRetryAfter } from "~/utils/headers";
import { titled } from "~/utils/meta";
import { invariantResponse, readForm } from "~/utils/misc";
import { NewEventSchema } from "~/validation/event";
import { readEventForm } from "./__event-form.server";

/**
 * /events/new?org=SLUG: a manager of an incubator, university or institute publishes an
 * event for it (sent for review); an official for any listing, or without `org` in the
 * city's name (published at once). A manager of several such listings picks one first.
 */
export const meta: MetaFunction = (args) => titled(args, (t) => t("event.new.title"));

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

type Organizer =
  | { kind: "listing"; organizationId: string; name: string }
  | { kind: "city" }
  | { kind: "choose"; choices: { slug: string; nameVi: string | null; nameEn: string | null }[] };

/** The organizer the URL names, checked: 404 for no such listing, 403 when not allowed. */
async function organizer(args: LoaderFunctionArgs, user: SessionUser): Promise<Organizer> {
  const slug = new URL(args.request.url).searchParams.get("org");
  if (slug !== null) {
    invariantResponse(SLUG.test(slug) && slug.length <= 120, "Not found", { status: 404 });
    const organization = await organizationForEvents(slug);
    invariantResponse(organization, "Not found", { status: 404 });
    if (!(await mayOrganize(user, organization.id))) throw forbidden();
    return {
      kind: "listing",
      organizationId: organization.id,
      name: pick("vi", organization.nameVi, organization.nameEn),
    };
  }
  if (isOfficial(user)) return { kind: "city" };
  const choices = await organizerChoices(user.id);
  if (choices.length === 0) throw forbidden();
  return { kind: "choose", choices };
}

export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const chosen = await organizer(args, user);
  if (chosen.kind === "choose" && chosen.choices.length === 1)
    throw redirect(`/events/new?org=${chosen.choices[0]!.slug}`);
  return {
    organizer:
      chosen.kind === "listing"
        ? { kind: "listing" as const, name: chosen.name }
        : chosen.kind === "city"
          ? chosen
          : chosen,
    areas: chosen.kind === "choose" ? [] : await taxonomyForPicker(),
    formToken: newFormToken(),
  };
}

export const headers = keepRetryAfter;

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const chosen = await organizer(args, user);
  invariantResponse(chosen.kind !== "choose", "Choose an organizer", { status: 400 });
  const formData = await readForm(args.request);
  const read = await readEventForm(formData, user, { isNew: true });
  if ("reply" in read) return read.reply;
  const url = await createEvent(
    user,
    chosen.kind === "listing" ? { organizationId: chosen.organizationId } : { organizerName: read.organizerName },
    read.event,
    read.formToken,
  );
  return redirect(url);
}

export default function NewEvent() {
  const { organizer, areas, formToken } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm({
    id: "events-new-form",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewEventSchema }),
    shouldValidate: "onBlur",
  });
  const sent = sentValues(actionData?.result);
  if (organizer.kind === "choose") {
    return (
      <FormPage title={t("event.new.title")} intro={t("event.new.choose")}>
        <ul className="space-y-2">
          {organizer.choices.map((choice) => (
            <li key={choice.slug}>
              <Link to={`/events/new?org=${choice.slug}`} className="font-medium text-brand-700 underline">
                {pick("vi", choice.nameVi, choice.nameEn)}
              </Link>
            </li>
          ))}
        </ul>
      </FormPage>
    );
  }
  return (
    <FormPage
      title={t("event.new.title")}
      intro={t(organizer.kind === "city" ? "event.new.introOfficial" : "event.new.intro")}
    >
      <p className="mb-4 font-medium">
        {organizer.kind === "listing" ? t("event.new.for", { organizer: organizer.name }) : t("event.new.forCity")}
      </p>
      <Form method="post" className="space-y-5" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <input type="hidden" name="formToken" value={formToken} />
        <EventFormFields
          value={(name) => sent.text(name) ?? ""}
          list={(name) => sent.list(name) ?? (name === "meetingsOpen" ? ["on"] : [])}
          errors={(name) => fields[name as keyof typeof fields]?.errors}
          areas={areas}
          cityOrganizer={organizer.kind === "city"}
        />
        <SubmitButton>{t(organizer.kind === "city" ? "event.publish" : "event.submit")}</SubmitButton>
      </Form>
    </FormPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
