import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";

/**
 * Files to upload from a test: a camera's JPEG (with an EXIF artist the portal must strip)
 * and a file named like an image that is not one. Each in a fresh temporary folder.
 */
export async function uploadFiles(options: { width: number; height: number; color: string; notImage: string }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "upload-"));
  const notImage = path.join(dir, "not-an-image.jpg");
  fs.writeFileSync(notImage, options.notImage);
  const photo = path.join(dir, "photo.jpg");
  fs.writeFileSync(
    photo,
    await sharp({ create: { width: options.width, height: options.height, channels: 3, background: options.color } })
      .jpeg()
      .withExif({ IFD0: { Artist: "Camera Owner" } })
      .toBuffer(),
  );
  return { notImage, photo };
}
