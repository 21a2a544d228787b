import fs from "node:fs";
import zlib from "node:zlib";
import sharp from "sharp";
import { describe, expect, test } from "vitest";
import { prisma } from "~/db/client.server";
import { ImageRefused, logoFile, processLogo, setOrganizationLogo } from "~/models/media.server";
import { makeOrganization, makeUser } from "../factories";

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
