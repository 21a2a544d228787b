import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "~/auth/auth.server";
import { hit, LIMITS } from "~/auth/rate-limit.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, SubmitButton } from "~/components/forms";
import { FormPage } from "~/components/page";
import { Notice } from "~/components/ui/notice";
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from "~/domain/offer-photo";
import { pick, useLanguage, useT } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/messages";
import { OfferNotAllowedError } from "~/models/offer.server";
import { addOfferPhoto, offerForPhotos, removeOfferPhoto, TooManyPhotosError } from "~/models/offer-photo.server";
import type { BodyLimitHandle } from "~/server/body-limits.server";
import { titled } from "~/utils/meta";
import { invariantResponse, readForm } from "~/utils/misc";
import { optionalText } from "~/validation/common";
import { readImageUpload, refusedImage } from "./__image-upload.server";

/**
 * An equipment offer's photos: its owners and officials add (one file at a time, with
 * alt text) and remove them, without JavaScript. Anyone else gets 404, as on the edit form.
 */
export const meta: MetaFunction = (args) => titled(args, (t) => t("offer.photos.title"));

/** One photo and the form's few fields; more is refused before it is read (413). */
export const handle: BodyLimitHandle = { maxBodyBytes: MAX_PHOTO_BYTES + 64 * 1024 };

async function editable(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const id = args.params.id ?? "";
  invariantResponse(/^[a-z0-9]{10,40}$/.test(id), "Not found", { status: 404 });
  const offer = await offerForPhotos(id, user).catch((error: unknown) => {
    if (error instanceof OfferNotAllowedError) return null;
    throw error;
  });
  invariantResponse(offer, "Not found", { status: 404 });
  return { user, offer };
}

export async function loader(args: LoaderFunctionArgs) {
  const { offer } = await editable(args);
  return {
    offer: {
      id: offer.id,
      nameVi: offer.nameVi,
      nameEn: offer.nameEn,
      photos: offer.photos.map(({ id, url, altVi, altEn }) => ({ id, url, altVi, altEn })),
    },
  };
}

type Problem = Extract<MessageKey, `error.photo.${string}`>;
const AltText = optionalText({ max: 200 });

export async function action(args: ActionFunctionArgs) {
  const { user, offer } = await editable(args);
  const wait = await hit(LIMITS.writesPerUser, user.id);
  // What was typed comes back with a refusal, so the alt texts need not be typed again.
  const refused = (problem: Problem, kept: { altVi?: string; altEn?: string } = {}, status = 400) =>
    data({ problem, altVi: kept.altVi ?? "", altEn: kept.altEn ?? "" }, { status });
  if (wait > 0) return refused("error.photo.tooMany", {}, 429);

  const type = args.request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data")) {
    // Removing needs no file: a plain form.
    const form = await readForm(args.request);
    const photoId = form.get("photo");
    if (form.get("intent") !== "remove" || typeof photoId !== "string") return refused("error.photo.missing");
    await removeOfferPhoto(user, offer.id, photoId);
    return redirect(`/offers/${offer.id}/photos?removed=1`);
  }
  const upload = await readImageUpload(args.request, { field: "photo", maxBytes: MAX_PHOTO_BYTES, maxParts: 6 });
  const text = (name: string) => (typeof upload.form?.get(name) === "string" ? String(upload.form.get(name)) : "");
  const kept = { altVi: text("altVi"), altEn: text("altEn") };
  if ("problem" in upload) return refused(`error.photo.${upload.problem}`, kept, upload.status);
  const altVi = AltText.safeParse(kept.altVi);
  const altEn = AltText.safeParse(kept.altEn);
  if (!altVi.success || !altEn.success) return refused("error.photo.alt", kept);
  try {
    await addOfferPhoto(user, offer.id, upload.bytes, { altVi: altVi.data, altEn: altEn.data });
  } catch (error) {
    if (error instanceof TooManyPhotosError) return refused("error.photo.full", kept);
    return refused(`error.photo.${refusedImage(error)}`, kept);
  }
  return redirect(`/offers/${offer.id}/photos?added=1`);
}

export default function OfferPhotosPage() {
  const { offer } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const lang = useLanguage();
  const full = offer.photos.length >= MAX_PHOTOS;
  const described = answer?.problem ? "photo-hint photo-error" : "photo-hint";
  return (
    <FormPage title={t("offer.photos.title")} intro={pick(lang, offer.nameVi, offer.nameEn)}>
      {searchParams.has("added") ? <Notice>{t("offer.photos.added")}</Notice> : null}
      {searchParams.has("removed") ? <Notice>{t("offer.photos.removed")}</Notice> : null}
      {offer.photos.length ? (
        <ul className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3">
          {offer.photos.map((photo) => (
            <li key={photo.id} className="space-y-2">
              <img
                src={photo.url}
                alt={pick(lang, photo.altVi, photo.altEn) ?? ""}
                className="aspect-[4/3] w-full rounded-lg border border-slate-200 object-cover"
              />
              <Form method="post">
                <input type="hidden" name="photo" value={photo.id} />
                <SubmitButton name="intent" value="remove" tone="danger">
                  {t("offer.photos.remove")}
                </SubmitButton>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-4 text-sm text-slate-700">{t("offer.photos.none")}</p>
      )}
      {full ? (
        <p className="mt-6 text-sm text-slate-700">{t("offer.photos.full", { max: MAX_PHOTOS })}</p>
      ) : (
        <Form method="post" encType="multipart/form-data" className="mt-6 space-y-4 border-t border-slate-200 pt-4">
          {answer?.problem ? (
            <p id="photo-error" role="alert" className="rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-sm">
              {t(answer.problem, { max: MAX_PHOTOS })}
            </p>
          ) : null}
          <div>
            <label htmlFor="photo" className="block font-medium">
              {t("offer.photos.file")}
            </label>
            <p id="photo-hint" className="text-sm text-slate-600">
              {t("offer.photos.hint", { max: MAX_PHOTOS })}
            </p>
            <input
              id="photo"
              name="photo"
              type="file"
              required
              accept="image/jpeg,image/png,image/webp,image/gif"
              aria-describedby={described}
              aria-invalid={answer?.problem ? true : undefined}
              className="mt-2 block w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-2"
            />
          </div>
          <Field
            id="altVi"
            name="altVi"
            label={t("offer.photos.altVi")}
            maxLength={200}
            defaultValue={answer?.altVi ?? ""}
          />
          <Field
            id="altEn"
            name="altEn"
            lang="en"
            label={t("offer.photos.altEn")}
            maxLength={200}
            defaultValue={answer?.altEn ?? ""}
          />
          <SubmitButton>{t("offer.photos.upload")}</SubmitButton>
        </Form>
      )}
      <p className="mt-6 text-sm">
        <Link to={`/offers/${offer.id}`} className="text-brand-700 hover:underline">
          {t("offer.photos.back")}
        </Link>
      </p>
    </FormPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary messages={{ 404: "error.404.offer" }} />;
}
