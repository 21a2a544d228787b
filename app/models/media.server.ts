import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import sharp, { type Metadata } from "sharp";
import { remember } from "@epic-web/remember";
import { databaseFilePath, resolveDatabaseUrl } from "~/db/database-url";
import { LOGO_SIZES, MAX_LOGO_BYTES, MAX_LOGO_PIXELS, type LogoSize } from "~/domain/logo";
import { prisma } from "~/db/client.server";
import { audit } from "./audit.server";
import { write } from "./write.server";

/**
 * Logos, checked, cleaned and resized here (docs/decisions/056). An upload is
 * read by sharp, never trusted by its name or declared type: anything that is
 * not a JPEG, PNG, WebP or GIF image is refused, as is one of more than
 * MAX_LOGO_PIXELS (a decompression bomb declares a huge size in a few bytes).
 * What is kept is re-encoded as WebP at fixed sizes, without the original's
 * metadata (EXIF, GPS), under a random name in the data directory, outside
 * the web root; a new upload gets a new name, so the files can be cached forever.
 */
const FORMATS = new Set(["jpeg", "png", "webp", "gif"]);
const FILE_NAME = /^([a-f0-9]{32})-(256|96)\.webp$/;

export class ImageRefused extends Error {
  constructor(readonly reason: "not-image" | "too-many-pixels" | "too-large") {
    super(reason);
  }
}

/** Beside the database (the data directory), created on first use. */
export const mediaDirectory = () =>
  remember(`media-directory:${resolveDatabaseUrl()}`, () => {
    const database = databaseFilePath(resolveDatabaseUrl());
    const dir = path.join(database ? path.dirname(database) : path.resolve(".data"), "media", "logos");
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    return dir;
  });

/** The logo's files, made from the uploaded bytes, under a new key. Throws ImageRefused. */
export async function processLogo(bytes: Buffer): Promise<{ key: string; files: Record<LogoSize, Buffer> }> {
  if (bytes.length > MAX_LOGO_BYTES) throw new ImageRefused("too-large");
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new ImageRefused("not-image");
  }
  if (!metadata.format || !FORMATS.has(metadata.format)) throw new ImageRefused("not-image");
  if ((metadata.width ?? 0) * (metadata.height ?? 0) > MAX_LOGO_PIXELS) throw new ImageRefused("too-many-pixels");
  const files = {} as Record<LogoSize, Buffer>;
  try {
    for (const size of LOGO_SIZES) {
      files[size] = await sharp(bytes, { limitInputPixels: MAX_LOGO_PIXELS, failOn: "error" })
        // Turned as the camera said, then the orientation tag goes with the rest of the metadata.
        .autoOrient()
        .resize(size, size, { fit: "contain", background: { r: 255, g: 255, b: 255, alpha: 0 } })
        .webp({ quality: 82 })
        .toBuffer();
    }
  } catch {
    throw new ImageRefused("not-image");
  }
  return { key: crypto.randomBytes(16).toString("hex"), files };
}

/** A logo file's path, only for a name this module writes (never a path from the URL as is). */
export function logoFile(name: string): string | null {
  return FILE_NAME.test(name) ? path.join(mediaDirectory(), name) : null;
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
  const written: string[] = [];
  try {
    if (logo) {
      for (const size of LOGO_SIZES) {
        const file = path.join(mediaDirectory(), `${logo.key}-${size}.webp`);
        fs.writeFileSync(file, logo.files[size], { flag: "wx", mode: 0o600 });
        written.push(file);
      }
    }
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
  removeLogoFiles(organization.logoKey);
}

function removeLogoFiles(key: string | null) {
  if (!key) return;
  for (const size of LOGO_SIZES) fs.rmSync(path.join(mediaDirectory(), `${key}-${size}.webp`), { force: true });
}

/** What the logo page needs of an organization, by its address. */
export function organizationForLogo(slug: string) {
  return prisma.organization.findUnique({
    where: { slug },
    select: { id: true, slug: true, nameVi: true, nameEn: true, acronym: true, logoKey: true, status: true },
  });
}
