import fs from "node:fs";
import { Prisma } from "~/generated/prisma/client";
import { prisma, readRowsNow } from "~/db/client.server";
import { MAX_PHOTOS, photoUrl, type PhotoSize } from "~/domain/offer-photo";
import { audit } from "./audit.server";
import { PHOTO_IMAGES, processImage, removeImageFiles, writeImageFiles } from "./media.server";
import { mayManageOffer, offerLabel, OfferNotAllowedError, type Actor } from "./offer.server";
import { write, type Tx } from "./write.server";

/**
 * An equipment offer's photos (docs/decisions/057): up to MAX_PHOTOS, in the order
 * added, each with optional alt text in both languages. Its owners (the managers of
 * its organization) and officials add and remove them; the image pipeline is the
 * logos' (app/models/media.server.ts). The files are written before the row and
 * removed after it is gone, so a page never links to a missing file.
 */
export class TooManyPhotosError extends Error {}

export type PhotoAlt = { altVi: string | null; altEn: string | null };

/** The equipment offer whose photos the actor may change; null when there is none or it is not theirs. */
export async function offerForPhotos(id: string, actor: Actor) {
  const offer = await prisma.offer.findUnique({
    where: { id },
    select: {
      id: true,
      type: true,
      status: true,
      nameVi: true,
      nameEn: true,
      organizationId: true,
      ownerExpertId: true,
      photos: { orderBy: { position: "asc" }, select: { id: true, key: true, altVi: true, altEn: true } },
    },
  });
  if (!offer || offer.type !== "equipment" || offer.status === "archived") return null;
  if (!(await mayManageOffer(actor, offer))) throw new OfferNotAllowedError();
  return { ...offer, photos: offer.photos.map((photo) => ({ ...photo, url: photoUrl(photo.key, 320) })) };
}

/** Adds a photo. Throws ImageRefused (not an image, too large, too many pixels) or TooManyPhotosError. */
export async function addOfferPhoto(actor: Actor, offerId: string, bytes: Buffer, alt: PhotoAlt) {
  const offer = await offerForPhotos(offerId, actor);
  if (!offer) throw new OfferNotAllowedError();
  if (offer.photos.length >= MAX_PHOTOS) throw new TooManyPhotosError();
  const image = await processImage(bytes, PHOTO_IMAGES);
  const written = writeImageFiles(PHOTO_IMAGES, image);
  try {
    await write(async (tx, effects) => {
      const count = await tx.offerPhoto.count({ where: { offerId } });
      // Two uploads at once: the limit holds in the transaction.
      if (count >= MAX_PHOTOS) throw new TooManyPhotosError();
      const last = await tx.offerPhoto.aggregate({ where: { offerId }, _max: { position: true } });
      await tx.offerPhoto.create({
        data: { offerId, key: image.key, position: (last._max.position ?? -1) + 1, ...alt },
      });
      await auditPhotos(actor, offer, count, count + 1, tx);
      // The cards carry a thumbnail: cached answers must not miss it.
      await effects.searchableDataChanged();
    });
  } catch (error) {
    for (const file of written) fs.rmSync(file, { force: true });
    throw error;
  }
}

/** Removes one of the offer's photos and its files; false when it was not there. */
export async function removeOfferPhoto(actor: Actor, offerId: string, photoId: string) {
  const offer = await offerForPhotos(offerId, actor);
  if (!offer) throw new OfferNotAllowedError();
  const photo = offer.photos.find((candidate) => candidate.id === photoId);
  if (!photo) return false;
  await write(async (tx, effects) => {
    await tx.offerPhoto.delete({ where: { id: photo.id } });
    await auditPhotos(actor, offer, offer.photos.length, offer.photos.length - 1, tx);
    await effects.searchableDataChanged();
  });
  removeImageFiles(PHOTO_IMAGES, photo.key);
  return true;
}

/** One audit entry per change: how many photos before and after. */
function auditPhotos(
  actor: Actor,
  offer: { id: string; nameVi: string | null; nameEn: string | null },
  before: number,
  after: number,
  tx: Tx,
) {
  const entry = { actorId: actor.id, action: "offer.photo", entityType: "offer", entityId: offer.id } as const;
  return audit({ ...entry, label: offerLabel(offer), before: { photos: before }, after: { photos: after } }, tx);
}

/** The first photo of each offer, for the cards: its thumbnail's address and alt text. */
export async function offerThumbnails(offerIds: readonly string[], size: PhotoSize = 320) {
  if (offerIds.length === 0) return new Map<string, { url: string } & PhotoAlt>();
  // With a statement prepared once, as the cards beside it (docs/decisions/078): through
  // Prisma, compiling this query was a twentieth of the app's time per /offers request.
  const photos = await readRowsNow<{ offerId: string; key: string } & PhotoAlt>(
    Prisma.sql`SELECT offerId, "key", altVi, altEn FROM OfferPhoto
      WHERE offerId IN (${Prisma.join([...offerIds])}) ORDER BY offerId, position`,
    prisma,
  );
  const thumbnails = new Map<string, { url: string } & PhotoAlt>();
  for (const photo of photos)
    if (!thumbnails.has(photo.offerId))
      thumbnails.set(photo.offerId, { url: photoUrl(photo.key, size), altVi: photo.altVi, altEn: photo.altEn });
  return thumbnails;
}
