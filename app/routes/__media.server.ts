import fs from "node:fs/promises";

/**
 * An image file of the media folder (logos, photos). Names carry a random key that
 * changes with every upload, so an answer never goes out of date: cached for a year
 * by anyone. `file` is null for a name the media module does not write: a 404.
 */
export async function mediaAnswer(file: string | null) {
  const bytes = file ? await fs.readFile(file).catch(() => null) : null;
  if (!bytes) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
  return new Response(bytes, {
    headers: {
      "Content-Type": "image/webp",
      "Content-Length": String(bytes.length),
      "Cache-Control": "public, max-age=31536000, immutable",
    },
  });
}
