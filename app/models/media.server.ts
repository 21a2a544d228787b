import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pLimit from "p-limit";
import sharp, { type Metadata, type ResizeOptions } from "sharp";
import { remember } from "@epic-web/remember";
import { databaseFilePath, resolveDatabaseUrl } from "~/db/database-url";
import { LOGO_SIZES, MAX_LOGO_BYTES, MAX_LOGO_PIXELS, type LogoSize } from "~/domain/logo";
import { MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS, PHOTO_SIZES } from "~/domain/offer-photo";
import { prisma } from "~/db/client.server";
import { audit } from "./audit.server";
import { write } from "./write.server";

/**
 * Uploaded images (logos, equipment photos), checked, cleaned and resized here
 * (docs/decisions/056, 057). An upload is read by sharp, never trusted by its
 * name or declared type: anything that is not a JPEG, PNG, WebP or GIF image is
 * refused, as is one of more pixels than its use allows (a decompression bomb
 * declares a huge size in a few bytes). What is kept is re-encoded as WebP at the
 * use's fixed sizes, without the original's metadata (EXIF, GPS), under a random
 * name in the data directory, outside the web root; a new upload gets a new name,
 * so the files can be cached forever.
 */
const FORMATS = new Set(["jpeg", "png", "webp", "gif"]);

// One image at a time, on one libvips thread, with no cache of decoded images: a 40-megapixel
// PNG decodes to about 160 MB outside the JavaScript heap, and four at once would take the
// process past its memory budget. Uploads are rare; the wait is short.
sharp.concurrency(1);
sharp.cache(false);
const oneImageAtATime = remember("image-processing", () => pLimit(1));

/** What one use of images keeps: its folder, sizes, limits and how an image fits a size. */
export type ImageUse = {
  folder: "logos" | "photos";
  sizes: readonly number[];
  maxBytes: number;
  maxPixels: number;
  resize: (size: number) => ResizeOptions & { width: number };
};

/** Logos: contained in a square, transparent margins. */
export const LOGO_IMAGES: ImageUse = {
  folder: "logos",
  sizes: LOGO_SIZES,
  maxBytes: MAX_LOGO_BYTES,
  maxPixels: MAX_LOGO_PIXELS,
  resize: (size) => ({
    width: size,
    height: size,
    fit: "contain",
    background: { r: 255, g: 255, b: 255, alpha: 0 },
  }),
};

/** Photos: their own shape, the longer side at most the size, never enlarged. */
export const PHOTO_IMAGES: ImageUse = {
  folder: "photos",
  sizes: PHOTO_SIZES,
  maxBytes: MAX_PHOTO_BYTES,
  maxPixels: MAX_PHOTO_PIXELS,
  resize: (size) => ({ width: size, height: size, fit: "inside", withoutEnlargement: true }),
};

export class ImageRefused extends Error {
  constructor(readonly reason: "not-image" | "too-many-pixels" | "too-large") {
    super(reason);
  }
}

/** A use's folder beside the database (the data directory), created on first use. */
export const mediaDirectory = (use: ImageUse = LOGO_IMAGES) =>
  remember(`media-directory:${use.folder}:${resolveDatabaseUrl()}`, () => {
    const database = databaseFilePath(resolveDatabaseUrl());
    const dir = path.join(database ? path.dirname(database) : path.resolve(".data"), "media", use.folder);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    return dir;
  });

export type ProcessedImage = { key: string; files: Record<number, Buffer> };

/** The image's files for a use, made from the uploaded bytes, under a new key. Throws ImageRefused. */
export function processImage(bytes: Buffer, use: ImageUse): Promise<ProcessedImage> {
  if (bytes.length > use.maxBytes) return Promise.reject(new ImageRefused("too-large"));
  return oneImageAtATime(() => readAndResize(bytes, use));
}

async function readAndResize(bytes: Buffer, use: ImageUse): Promise<ProcessedImage> {
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new ImageRefused("not-image");
  }
  if (!metadata.format || !FORMATS.has(metadata.format)) throw new ImageRefused("not-image");
  if ((metadata.width ?? 0) * (metadata.height ?? 0) > use.maxPixels) throw new ImageRefused("too-many-pixels");
  const files: Record<number, Buffer> = {};
  try {
    for (const size of use.sizes) {
      files[size] = await sharp(bytes, { limitInputPixels: use.maxPixels, failOn: "error" })
        // Turned as the camera said, then the orientation tag goes with the rest of the metadata.
        .autoOrient()
        .resize(use.resize(size))
        .webp({ quality: 82 })
        .toBuffer();
    }
  } catch {
    throw new ImageRefused("not-image");
  }
  return { key: crypto.randomBytes(16).toString("hex"), files };
}

/** An attached image could not be read as what its first bytes say, or is larger than MAX_PHOTO_PIXELS. */
export class AttachedImageRefused extends Error {
  constructor(readonly reason: "type" | "pixels") {
    super(reason);
  }
}

/**
 * An image sent with a message, in its own format and size, without its metadata: a
 * phone's photo carries where it was taken (GPS), when, on which device and often the
 * owner's name, which would tell the other side of an anonymous request who is
 * writing (docs/decisions/070). Re-encoded by sharp, which keeps no metadata unless
 * asked; a JPEG is turned as its orientation tag said first, since the tag goes too.
 * Animated WebP keeps its frames.
 */
export function withoutImageMetadata(bytes: Buffer, type: "image/jpeg" | "image/png" | "image/webp"): Promise<Buffer> {
  return oneImageAtATime(async () => {
    const animated = type === "image/webp";
    let metadata: Metadata;
    try {
      metadata = await sharp(bytes, { limitInputPixels: false, animated }).metadata();
    } catch {
      throw new AttachedImageRefused("type");
    }
    // A frame's pixels (height is every frame's together when animated) against the photo limit.
    if ((metadata.width ?? 0) * (metadata.pageHeight ?? metadata.height ?? 0) > MAX_PHOTO_PIXELS) {
      throw new AttachedImageRefused("pixels");
    }
    try {
      const image = sharp(bytes, { limitInputPixels: false, failOn: "error", animated });
      if (type === "image/jpeg") return await image.autoOrient().jpeg({ quality: 92 }).toBuffer();
      if (type === "image/png") return await image.png().toBuffer();
      return await image.webp({ quality: 90 }).toBuffer();
    } catch {
      throw new AttachedImageRefused("type");
    }
  });
}

export async function processLogo(bytes: Buffer): Promise<{ key: string; files: Record<LogoSize, Buffer> }> {
  return processImage(bytes, LOGO_IMAGES);
}

/** A file's path, only for a name of the exact shape this module writes for the use (never a path from the URL as is). */
export function mediaFile(use: ImageUse, name: string): string | null {
  const match = /^([a-f0-9]{32})-(\d{2,4})\.webp$/.exec(name);
  return match && use.sizes.includes(Number(match[2])) ? path.join(mediaDirectory(use), name) : null;
}

export const logoFile = (name: string) => mediaFile(LOGO_IMAGES, name);

/** Writes an image's files (new names only); the caller removes them if its write fails. */
export function writeImageFiles(use: ImageUse, image: ProcessedImage): string[] {
  const written: string[] = [];
  try {
    for (const size of use.sizes) {
      const file = path.join(mediaDirectory(use), `${image.key}-${size}.webp`);
      fs.writeFileSync(file, image.files[size]!, { flag: "wx", mode: 0o600 });
      written.push(file);
    }
  } catch (error) {
    for (const file of written) fs.rmSync(file, { force: true });
    throw error;
  }
  return written;
}

export function removeImageFiles(use: ImageUse, key: string | null) {
  if (!key) return;
  for (const size of use.sizes) fs.rmSync(path.join(mediaDirectory(use), `${key}-${size}.webp`), { force: true });
}

/**
 * Replaces (or, with null, removes) an organization's logo: the new files are
 * written before the row changes, the old ones removed after it committed, so
 * a failure leaves either the old logo or the new one, never a broken link.
 */
export async function setOrganizationLogo(
  organization: { id: string; slug: string; logoKey: string | null },
  bytes: Buffer | null,
  actorId: string,
) {
  const logo = bytes ? await processLogo(bytes) : null;
  const written = logo ? writeImageFiles(LOGO_IMAGES, logo) : [];
  try {
    await write(async (tx, effects) => {
      await tx.organization.update({ where: { id: organization.id }, data: { logoKey: logo?.key ?? null } });
      await audit(
        {
          actorId,
          action: "organization.logo",
          entityType: "organization",
          entityId: organization.id,
          label: organization.slug,
          before: { logo: organization.logoKey !== null },
          after: { logo: logo !== null },
        },
        tx,
      );
      // The cards carry the logo: cached answers must not show the old one.
      await effects.searchableDataChanged();
    });
  } catch (error) {
    for (const file of written) fs.rmSync(file, { force: true });
    throw error;
  }
  removeImageFiles(LOGO_IMAGES, organization.logoKey);
}

/** What the logo page needs of an organization, by its address. */
export function organizationForLogo(slug: string) {
  return prisma.organization.findUnique({
    where: { slug },
    select: { id: true, slug: true, nameVi: true, nameEn: true, acronym: true, logoKey: true, status: true },
  });
}
