import { ImageRefused } from "~/models/media.server";
import { readMultipart, uploadedFile } from "./__multipart.server";

/**
 * The image upload forms' shared step (a logo, an equipment photo): the form read with the
 * file in memory (the route's body limit bounds it first), and an image refused by the
 * pipeline told apart. Problems are the tails of the pages' message keys.
 */
export type UploadProblem = "missing" | "notImage" | "tooLarge" | "tooManyPixels";

export async function readImageUpload(
  request: Request,
  options: { field: string; maxBytes: number; maxParts: number },
): Promise<{ form: FormData; bytes: Buffer } | { form: FormData | null; problem: UploadProblem; status: number }> {
  const read = await readMultipart(request, options);
  if ("problem" in read)
    return read.problem === "tooLarge"
      ? { form: null, problem: "tooLarge", status: 413 }
      : { form: null, problem: "notImage", status: 400 };
  const file = uploadedFile(read.form, options.field);
  if (!file) return { form: read.form, problem: "missing", status: 400 };
  return { form: read.form, bytes: Buffer.from(await file.arrayBuffer()) };
}

/** Why the pipeline refused an image, as an upload problem; anything else is thrown again. */
export function refusedImage(error: unknown): UploadProblem {
  if (!(error instanceof ImageRefused)) throw error;
  return error.reason === "too-many-pixels" ? "tooManyPixels" : error.reason === "too-large" ? "tooLarge" : "notImage";
}
