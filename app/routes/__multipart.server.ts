import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { tooManyFields } from "~/utils/misc";

/**
 * An upload form read with its file in memory: each part at most `maxBytes` (a bigger one stops the
 * read at once), at most `maxParts` parts (a 413 Response is thrown past that, as for any form). The
 * route's body limit bounds the whole first. Shared by the image and the citation uploads.
 */
export async function readMultipart(
  request: Request,
  options: { maxBytes: number; maxParts: number },
): Promise<{ form: FormData } | { problem: "tooLarge" | "unreadable" }> {
  let parts = 0;
  const memory = unstable_createMemoryUploadHandler({ maxPartSize: options.maxBytes });
  try {
    const form = await unstable_parseMultipartFormData(request, async (part) => {
      if (++parts > options.maxParts) throw tooManyFields(options.maxParts);
      return memory(part);
    });
    return { form };
  } catch (error) {
    if (error instanceof Response) throw error;
    if (error instanceof MaxPartSizeExceededError) return { problem: "tooLarge" };
    return { problem: "unreadable" };
  }
}

/** The named part's file, or null when it is missing or empty. */
export function uploadedFile(form: FormData, field: string): File | null {
  const file = form.get(field);
  return file instanceof File && file.size > 0 ? file : null;
}
