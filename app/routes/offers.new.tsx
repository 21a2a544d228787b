import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v3";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, SubmitButton } from "~/components/forms";
import { OfferFormFields, sentValues } from "~/components/offer-form";
import { FormPage } from "~/components/page";
import { pick, useT } from "~/i18n/i18n";
import { forbidden, requireUser } from "~/auth/auth.server";
import { newFormToken } from "~/auth/form-token.server";
import type { SessionUser } from "~/auth/session.server";
import { OFFER_TYPES, type OfferType } from "~/domain/offer-values";
import { taxonomyForPicker } from "~/models/field.server";
import { createOffer, mayPublishFor, organizationForOffers, ownProfile, type OfferOwner } from "~/models/offer.server";
import { keepRetryAfter } from "~/utils/headers";
import { titled } from "~/utils/meta";
import { invariantResponse, readForm } from "~/utils/misc";
import { NewOfferSchema } from "~/validation/offer";
import { readOfferForm } from "./__offer-form.server";

/**
 * /offers/new?type=service|equipment|technology&org=SLUG: a manager adds an offer for
 * the organization; without `org`, a researcher offers a technology in their own name.
 */
export const meta: MetaFunction<typeof loader> = (args) =>
  titled(args, (t) => t(`offer.new.${(args.data?.type ?? "service") as OfferType}`));

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The type and owner the URL names, checked: 400 for a bad type, 404 for no such owner, 403 when not allowed. */
async function owner(args: LoaderFunctionArgs, user: SessionUser) {
  const url = new URL(args.request.url);
  const type = url.searchParams.get("type") ?? "";
  invariantResponse((OFFER_TYPES as readonly string[]).includes(type), "Unknown offer type", { status: 400 });
  const slug = url.searchParams.get("org");
  let ownerName: string;
  let offerOwner: OfferOwner;
  if (slug !== null) {
    invariantResponse(SLUG.test(slug) && slug.length <= 120, "Not found", { status: 404 });
    const organization = await organizationForOffers(slug);
    invariantResponse(organization, "Not found", { status: 404 });
    offerOwner = { organizationId: organization.id };
    ownerName = pick("vi", organization.nameVi, organization.nameEn);
  } else {
    const profile = await ownProfile(user.id);
    if (!profile) throw forbidden();
    offerOwner = { expertId: profile.id };
    ownerName = profile.fullName;
  }
  if (!(await mayPublishFor(user, offerOwner, type as OfferType))) throw forbidden();
  return { type: type as OfferType, offerOwner, ownerName };
}

export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const { type, ownerName } = await owner(args, user);
  return { type, ownerName, areas: await taxonomyForPicker(), formToken: newFormToken() };
}

export const headers = keepRetryAfter;

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const { type, offerOwner } = await owner(args, user);
  const formData = await readForm(args.request);
  // The URL names the type: a form claiming another is not this page's.
  formData.set("type", type);
  const read = await readOfferForm(formData, user, { isNew: true });
  if ("reply" in read) return read.reply;
  const url = await createOffer(user, offerOwner, read.offer, read.formToken);
  return redirect(url);
}

export default function NewOffer() {
  const { type, ownerName, areas, formToken } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm({
    id: "offers-new-form",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewOfferSchema }),
    shouldValidate: "onBlur",
  });
  const sent = sentValues(actionData?.result);
  return (
    <FormPage title={t(`offer.new.${type}`)} intro={t("offer.new.intro")}>
      <p className="mb-4 font-medium">{t("offer.new.for", { owner: ownerName })}</p>
      <Form method="post" className="space-y-5" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <input type="hidden" name="formToken" value={formToken} />
        <OfferFormFields
          type={type}
          value={(name) => sent.text(name) ?? ""}
          list={(name) => sent.list(name) ?? []}
          errors={(name) => fields[name as keyof typeof fields]?.errors}
          areas={areas}
        />
        <SubmitButton>{t("offer.submit")}</SubmitButton>
      </Form>
    </FormPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
