import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { ImageRefused } from "~/models/media.server";
import { tooManyFields } from "~/utils/misc";

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
  let parts = 0;
  const memory = unstable_createMemoryUploadHandler({ maxPartSize: options.maxBytes });
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, async (part) => {
      if (++parts > options.maxParts) throw tooManyFields(options.maxParts);
      return memory(part);
    });
  } catch (error) {
    if (error instanceof Response) throw error;
    if (error instanceof MaxPartSizeExceededError) return { form: null, problem: "tooLarge", status: 413 };
    return { form: null, problem: "notImage", status: 400 };
  }
  const file = form.get(options.field);
  if (!(file instanceof File) || file.size === 0) return { form, problem: "missing", status: 400 };
  return { form, bytes: Buffer.from(await file.arrayBuffer()) };
}

/** Why the pipeline refused an image, as an upload problem; anything else is thrown again. */
export function refusedImage(error: unknown): UploadProblem {
  if (!(error instanceof ImageRefused)) throw error;
  return error.reason === "too-many-pixels" ? "tooManyPixels" : error.reason === "too-large" ? "tooLarge" : "notImage";
}
