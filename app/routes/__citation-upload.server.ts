import { readMultipart, uploadedFile } from "./__multipart.server";

export type CitationUploadProblem = "missing" | "tooLarge" | "notText";

/** The uploaded reference file's text (UTF-8), read in memory within `maxBytes`. */
export async function readCitationUpload(
  request: Request,
  options: { field: string; maxBytes: number; maxParts: number },
): Promise<{ text: string } | { problem: CitationUploadProblem; status: number }> {
  const read = await readMultipart(request, options);
  if ("problem" in read) return read.problem === "tooLarge" ? { problem: "tooLarge", status: 413 } : missing();
  const file = uploadedFile(read.form, options.field);
  if (!file) return missing();
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer()) };
  } catch {
    return { problem: "notText", status: 400 };
  }
}

const missing = () => ({ problem: "missing" as const, status: 400 });
