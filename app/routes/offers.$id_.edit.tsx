import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v3";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, SubmitButton } from "~/components/forms";
import { OfferFormFields, sentValues } from "~/components/offer-form";
import { FormPage } from "~/components/page";
import { Notice } from "~/components/ui/notice";
import { useT } from "~/i18n/i18n";
import { requireUser } from "~/auth/auth.server";
import type { OfferType } from "~/domain/offer-values";
import { taxonomyForPicker } from "~/models/field.server";
import { editOffer, offerForEdit } from "~/models/offer.server";
import { keepRetryAfter } from "~/utils/headers";
import { titled } from "~/utils/meta";
import { invariantResponse, readForm } from "~/utils/misc";
import { OfferSchema } from "~/validation/offer";
import { readOfferForm } from "./__offer-form.server";

/** An offer's owners (and officials) edit it; anyone else gets 404, as for an offer they may not see. */
export const meta: MetaFunction = (args) => titled(args, (t) => t("offer.edit.title"));

async function editable(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const id = args.params.id ?? "";
  invariantResponse(/^[a-z0-9]{10,40}$/.test(id), "Not found", { status: 404 });
  const offer = await offerForEdit(id, user);
  invariantResponse(offer, "Not found", { status: 404 });
  return { user, offer };
}

const lines = (value: string) => value.split("\n").filter(Boolean);

export async function loader(args: LoaderFunctionArgs) {
  const { offer } = await editable(args);
  const text = (value: string | number | null) => (value === null ? "" : String(value));
  const saved: Record<string, string> = {
    nameVi: text(offer.nameVi),
    nameEn: text(offer.nameEn),
    descriptionVi: text(offer.descriptionVi),
    descriptionEn: text(offer.descriptionEn),
    method: text(offer.method),
    sampleRequirements: text(offer.sampleRequirements),
    turnaround: text(offer.turnaround),
    priceMode: offer.priceMode === "unknown" ? "" : offer.priceMode,
    priceMinVnd: text(offer.priceMinVnd),
    priceMaxVnd: text(offer.priceMaxVnd),
    instrument: text(offer.instrument),
    make: text(offer.make),
    model: text(offer.model),
    category: text(offer.category),
    specifications: text(offer.specifications),
    building: text(offer.building),
    district: text(offer.district),
    ward: text(offer.ward),
    accessMode: text(offer.accessMode),
    conditions: text(offer.conditions),
    applications: text(offer.applications),
    trl: text(offer.trl),
    ipStatus: text(offer.ipStatus),
    ipNumber: text(offer.ipNumber),
    transferredTo: text(offer.transferredTo),
    inventors: offer.inventors.map(({ expert }) => expert.slug).join("\n"),
  };
  const lists: Record<string, string[]> = {
    audience: lines(offer.audience),
    freeFor: lines(offer.freeFor),
    offeredAs: lines(offer.offeredAs),
    transferred: offer.transferredTo !== null ? ["on"] : [],
    fieldSlugs: offer.fields.map(({ field }) => field.slug),
  };
  return {
    id: offer.id,
    type: offer.type as OfferType,
    status: offer.status,
    refusal: offer.status === "rejected" ? offer.reviewNote : null,
    saved,
    lists,
    areas: await taxonomyForPicker(),
  };
}

export const headers = keepRetryAfter;

export async function action(args: ActionFunctionArgs) {
  const { user, offer } = await editable(args);
  const formData = await readForm(args.request);
  // An offer keeps its type: the form's sections are that type's.
  formData.set("type", offer.type);
  const read = await readOfferForm(formData, user, { isNew: false });
  if ("reply" in read) return read.reply;
  const outcome = await editOffer(user, offer.id, read.offer);
  return redirect(`/offers/${offer.id}?edited=${outcome}`);
}

export default function EditOffer() {
  const { id, type, refusal, saved, lists, areas } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm({
    id: "offers-edit-form",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OfferSchema }),
    shouldValidate: "onBlur",
  });
  // What was typed in a refused form comes back in it; otherwise what is saved.
  const sent = sentValues(actionData?.result);
  return (
    <FormPage title={t("offer.edit.title")} intro={t("offer.edit.intro")}>
      {refusal ? (
        <div className="mb-4">
          <Notice tone="error">{t("offer.reviewNote", { note: refusal })}</Notice>
        </div>
      ) : null}
      <Form method="post" className="space-y-5" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <OfferFormFields
          type={type}
          value={(name) => sent.text(name) ?? saved[name] ?? ""}
          list={(name) => sent.list(name) ?? lists[name] ?? []}
          errors={(name) => fields[name as keyof typeof fields]?.errors}
          areas={areas}
        />
        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton>{t("offer.save")}</SubmitButton>
          <Link to={`/offers/${id}`} className="text-brand-700 underline">
            {t("form.cancel")}
          </Link>
        </div>
      </Form>
    </FormPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary messages={{ 404: "error.404.offer" }} />;
}
