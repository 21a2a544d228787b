import fs from "node:fs";
import zlib from "node:zlib";
import sharp from "sharp";
import { describe, expect, test } from "vitest";
import { prisma } from "~/db/client.server";
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from "~/domain/offer-photo";
import {
  ImageRefused,
  logoFile,
  mediaFile,
  PHOTO_IMAGES,
  processImage,
  processLogo,
  setOrganizationLogo,
} from "~/models/media.server";
import { OfferNotAllowedError } from "~/models/offer.server";
import { addOfferPhoto, offerThumbnails, removeOfferPhoto, TooManyPhotosError } from "~/models/offer-photo.server";
import { makeOffer, makeOrganization, makeUser } from "../factories";

/** A PNG whose header claims a size, with nothing behind it: what a decompression bomb looks like to a reader. */
function pngClaiming(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const idat = zlib.deflateSync(Buffer.alloc(1024));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", idat),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const photo = () =>
  sharp({ create: { width: 640, height: 320, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .jpeg()
    .withExif({ IFD0: { Copyright: "Secret Camera Owner", Artist: "Someone" } })
    .toBuffer();

describe("logos", () => {
  test("an image is re-encoded as WebP at fixed sizes, without its metadata", async () => {
    const original = await photo();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const { key, files } = await processLogo(original);
    expect(key).toMatch(/^[a-f0-9]{32}$/);
    for (const size of [256, 96] as const) {
      const meta = await sharp(files[size]).metadata();
      expect(meta.format).toBe("webp");
      expect(Math.max(meta.width!, meta.height!)).toBe(size);
      expect(meta.exif).toBeUndefined();
      expect(files[size].includes(Buffer.from("Secret Camera Owner"))).toBe(false);
    }
  });

  test("anything that is not a raster image, and decompression bombs, are refused", async () => {
    const refused = async (bytes: Buffer) => {
      const error = await processLogo(bytes).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ImageRefused);
      return (error as ImageRefused).reason;
    };
    expect(await refused(Buffer.from("<html><script>alert(1)</script></html>"))).toBe("not-image");
    // SVG can carry script: refused even though sharp can read it.
    expect(await refused(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'))).toBe(
      "not-image",
    );
    expect(await refused(pngClaiming(30_000, 30_000))).toBe("too-many-pixels");
    // A valid header over truncated data fails when decoded, not as a crash.
    expect(await refused(pngClaiming(400, 400))).toBe("not-image");
    expect(await refused(Buffer.alloc(3 * 1024 * 1024))).toBe("too-large");
  });

  test("a new logo replaces the old one's files; removing it leaves no file", async () => {
    const organization = await makeOrganization({ nameEn: "Logo Lab" });
    const admin = await makeUser();
    await setOrganizationLogo({ ...organization, logoKey: null }, await photo(), admin.id);
    const first = (await prisma.organization.findUniqueOrThrow({ where: { id: organization.id } })).logoKey!;
    expect(fs.existsSync(logoFile(`${first}-256.webp`)!)).toBe(true);

    await setOrganizationLogo({ ...organization, logoKey: first }, await photo(), admin.id);
    const second = (await prisma.organization.findUniqueOrThrow({ where: { id: organization.id } })).logoKey!;
    expect(second).not.toBe(first);
    expect(fs.existsSync(logoFile(`${first}-256.webp`)!)).toBe(false);
    expect(fs.existsSync(logoFile(`${second}-96.webp`)!)).toBe(true);

    await setOrganizationLogo({ ...organization, logoKey: second }, null, admin.id);
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: organization.id } })).logoKey).toBeNull();
    expect(fs.existsSync(logoFile(`${second}-96.webp`)!)).toBe(false);
    // A refused upload changes nothing.
    await expect(
      setOrganizationLogo({ ...organization, logoKey: null }, Buffer.from("nope"), admin.id),
    ).rejects.toThrow(ImageRefused);
    expect(await prisma.auditEntry.count({ where: { action: "organization.logo", entityId: organization.id } })).toBe(
      3,
    );
  });

  test("only names this module writes map to a file", () => {
    expect(logoFile("../../etc/passwd")).toBeNull();
    expect(logoFile("0123456789abcdef0123456789abcdef-256.webp.html")).toBeNull();
    expect(logoFile("0123456789abcdef0123456789abcdef-96.webp")).toMatch(/media\/logos\//);
  });
});

describe("memory", () => {
  test("images are decoded one at a time, on one libvips thread", async () => {
    expect(sharp.concurrency()).toBe(1);
    // A large image, then a small one started at once: the small one waits for the large one
    // (side by side, it would be done long before).
    const large = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: "#2a6" } })
      .png()
      .toBuffer();
    const ended: string[] = [];
    await Promise.all([
      processImage(large, PHOTO_IMAGES).then(() => ended.push("large")),
      processImage(await photo(), PHOTO_IMAGES).then(() => ended.push("small")),
    ]);
    expect(ended).toEqual(["large", "small"]);
  });
});

describe("equipment photos", () => {
  const camera = (width: number, height: number) =>
    sharp({ create: { width, height, channels: 3, background: { r: 20, g: 90, b: 160 } } })
      .jpeg()
      .withExif({ IFD0: { Copyright: "Secret Camera Owner" }, IFD3: { GPSLatitudeRef: "N" } })
      .toBuffer();

  test("the logos' pipeline at the photos' sizes: shape kept, never enlarged, metadata gone, bombs refused", async () => {
    const { files } = await processImage(await camera(2400, 1600), PHOTO_IMAGES);
    for (const [size, height] of [
      [1200, 800],
      [320, 213],
    ] as const) {
      const meta = await sharp(files[size]).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(["webp", size, height]);
      expect(meta.exif).toBeUndefined();
      expect(files[size]!.includes(Buffer.from("Secret Camera Owner"))).toBe(false);
    }
    const small = await processImage(await camera(600, 400), PHOTO_IMAGES);
    expect((await sharp(small.files[1200]).metadata()).width).toBe(600);
    const refused = (bytes: Buffer) =>
      processImage(bytes, PHOTO_IMAGES).catch((error: unknown) => (error as ImageRefused).reason);
    expect(await refused(pngClaiming(8_000, 6_000))).toBe("too-many-pixels");
    expect(await refused(Buffer.from("%PDF-1.4 not an image"))).toBe("not-image");
    expect(await refused(Buffer.alloc(MAX_PHOTO_BYTES + 1))).toBe("too-large");
    expect(mediaFile(PHOTO_IMAGES, "0123456789abcdef0123456789abcdef-320.webp")).toMatch(/media\/photos\//);
    expect(mediaFile(PHOTO_IMAGES, "0123456789abcdef0123456789abcdef-256.webp")).toBeNull();
  });

  test("an instrument's owners and officials add up to six photos; others may not; removing deletes the files", async () => {
    const lab = await makeOrganization();
    const manager = await makeUser();
    await prisma.organizationManager.create({ data: { userId: manager.id, organizationId: lab.id } });
    const stranger = await makeUser();
    const instrument = await makeOffer({ organizationId: lab.id, type: "equipment", accessMode: "staff_run" });
    const service = await makeOffer({ organizationId: lab.id, type: "service" });
    const bytes = await camera(800, 600);
    await expect(addOfferPhoto(stranger, instrument.id, bytes, { altVi: null, altEn: null })).rejects.toThrow(
      OfferNotAllowedError,
    );
    await expect(addOfferPhoto(manager, service.id, bytes, { altVi: null, altEn: null })).rejects.toThrow(
      OfferNotAllowedError,
    );
    for (let n = 0; n < MAX_PHOTOS; n++)
      await addOfferPhoto(manager, instrument.id, bytes, { altVi: `Ảnh ${n}`, altEn: null });
    await expect(addOfferPhoto(manager, instrument.id, bytes, { altVi: null, altEn: null })).rejects.toThrow(
      TooManyPhotosError,
    );
    const photos = await prisma.offerPhoto.findMany({
      where: { offerId: instrument.id },
      orderBy: { position: "asc" },
    });
    expect(photos.map((photo) => photo.altVi)).toEqual(Array.from({ length: MAX_PHOTOS }, (_, n) => `Ảnh ${n}`));
    const first = mediaFile(PHOTO_IMAGES, `${photos[0]!.key}-1200.webp`)!;
    expect(fs.existsSync(first)).toBe(true);
    expect((await offerThumbnails([instrument.id])).get(instrument.id)?.url).toBe(
      `/media/photos/${photos[0]!.key}-320.webp`,
    );
    expect(await removeOfferPhoto(manager, instrument.id, photos[0]!.id)).toBe(true);
    expect(fs.existsSync(first)).toBe(false);
    expect(await prisma.auditEntry.count({ where: { action: "offer.photo", entityId: instrument.id } })).toBe(
      MAX_PHOTOS + 1,
    );
  });
});
