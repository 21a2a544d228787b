import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { tooManyFields } from "~/utils/misc";

export type CitationUploadProblem = "missing" | "tooLarge" | "notText";

/** The uploaded reference file's text (UTF-8), read in memory within `maxBytes`. */
export async function readCitationUpload(
  request: Request,
  options: { field: string; maxBytes: number; maxParts: number },
): Promise<{ text: string } | { problem: CitationUploadProblem; status: number }> {
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
    if (error instanceof MaxPartSizeExceededError) return { problem: "tooLarge", status: 413 };
    return { problem: "missing", status: 400 };
  }
  const file = form.get(options.field);
  if (!(file instanceof File) || file.size === 0) return { problem: "missing", status: 400 };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer()) };
  } catch {
    return { problem: "notText", status: 400 };
  }
}
