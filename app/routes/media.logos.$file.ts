import fs from "node:fs/promises";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { logoFile } from "~/models/media.server";

/**
 * A logo's file. Names carry a random key that changes with every upload, so
 * an answer never goes out of date: cached for a year by anyone. Only names
 * the media module writes are looked up; anything else is a 404.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const file = logoFile(params.file ?? "");
  const bytes = file ? await fs.readFile(file).catch(() => null) : null;
  if (!bytes) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
  return new Response(bytes, {
    headers: {
      "Content-Type": "image/webp",
      "Content-Length": String(bytes.length),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
