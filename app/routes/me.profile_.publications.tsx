import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/auth.server";
import { hit, LIMITS } from "~/auth/rate-limit.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormPage } from "~/components/page";
import { PublicationPreview, PublicationUploadForm, type PreviewItem } from "~/components/publication-import";
import { useT } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/messages";
import { hasProfile } from "~/models/expert.server";
import { importPublications, previewImport } from "~/models/publication-import.server";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ENTRIES } from "~/domain/expert-values";
import type { BodyLimitHandle } from "~/server/body-limits.server";
import { readCitationFile, type CitationProblem } from "~/utils/citation-files";
import { titled } from "~/utils/meta";
import { readForm } from "~/utils/misc";
import { keepRetryAfter } from "~/utils/headers";
import { IMPORT_FORMATS, readImportedEntries } from "~/validation/publication-import";
import { readCitationUpload } from "./__citation-upload.server";

export const meta: MetaFunction = (args) => titled(args, (t) => t("publications.import.title"));

/** The file (2 MB) and, in the second step, the preview's entries sent back as fields. */
export const handle: BodyLimitHandle = { maxBodyBytes: MAX_IMPORT_BYTES + 64 * 1024 };

type Problem = { key: MessageKey; params?: Record<string, string | number> };
type Preview = { format: (typeof IMPORT_FORMATS)[number]; entries: PreviewItem[]; picked: number[] | null };
type Answer = { problem: Problem | null; preview: Preview | null };

export const headers = keepRetryAfter;

export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  return { hasProfile: await hasProfile(user.id) };
}

const refused = (problem: Problem, status = 400, preview: Preview | null = null, headers?: HeadersInit) =>
  data<Answer>({ problem, preview }, { status, headers });

function fileProblem(read: CitationProblem): Problem {
  if (read.problem === "unknownFormat") return { key: "publications.import.unknownFormat" };
  if (read.problem === "empty") return { key: "publications.import.empty" };
  const format = read.format === "ris" ? "RIS" : "BibTeX";
  return read.line
    ? { key: "publications.import.malformedAt", params: { format, line: read.line, detail: read.detail } }
    : { key: "publications.import.malformed", params: { format, detail: read.detail } };
}

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const wait = await hit(LIMITS.writesPerUser, user.id);
  if (wait > 0) {
    const minutes = Math.max(1, Math.ceil(wait / 60_000));
    return refused({ key: "form.tooManyAttempts", params: { minutes } }, 429, null, {
      "Retry-After": String(Math.ceil(wait / 1000)),
    });
  }
  const type = args.request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    // Step 1: the file, read and shown.
    const upload = await readCitationUpload(args.request, { field: "file", maxBytes: MAX_IMPORT_BYTES, maxParts: 4 });
    if ("problem" in upload) return refused({ key: `publications.import.${upload.problem}` }, upload.status);
    const read = readCitationFile(upload.text);
    if ("problem" in read) return refused(fileProblem(read));
    if (read.entries.length > MAX_IMPORT_ENTRIES)
      return refused({ key: "publications.import.tooManyInFile", params: { max: MAX_IMPORT_ENTRIES } });
    const preview = await previewImport(user.id, read.entries);
    if (!preview) return refused({ key: "publications.import.noProfile" });
    return data<Answer>({ problem: null, preview: { format: read.format, entries: preview.entries, picked: null } });
  }
  // Step 2: the ticked entries of the preview.
  const form = await readForm(args.request);
  const format = IMPORT_FORMATS.find((known) => known === form.get("format"));
  const sent: FormDataEntryValue[] = [];
  for (let i = 0; i <= MAX_IMPORT_ENTRIES && form.has(`entries[${i}]`); i++) sent.push(form.get(`entries[${i}]`)!);
  const entries = readImportedEntries(sent);
  if (!format || !entries || entries.length === 0 || entries.length > MAX_IMPORT_ENTRIES)
    return refused({ key: "publications.import.stale" });
  const picked = [
    ...new Set(
      form.getAll("pick").map((value) => (typeof value === "string" && /^\d{1,3}$/.test(value) ? Number(value) : -1)),
    ),
  ];
  if (picked.some((i) => i < 0 || i >= entries.length)) return refused({ key: "publications.import.stale" });
  // A refused import shows the same preview again, with the same boxes ticked.
  const preview = await previewImport(user.id, entries);
  if (!preview) return refused({ key: "publications.import.noProfile" });
  const again = { format, entries: preview.entries, picked };
  if (picked.length === 0) return refused({ key: "publications.import.nothingPicked" }, 400, again);
  const imported = await importPublications(
    user.id,
    picked.map((i) => entries[i]!),
    format,
  );
  if (!imported.ok) {
    if (imported.problem === "noProfile") return refused({ key: "publications.import.noProfile" });
    return refused(
      { key: "publications.import.tooManyOnProfile", params: { max: imported.max, listed: imported.listed } },
      400,
      again,
    );
  }
  return redirect(`/me/profile?imported=${imported.added}&merged=${imported.merged}`);
}

export default function ImportPublications() {
  const { hasProfile } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const t = useT();
  const problem = answer?.problem ? t(answer.problem.key, answer.problem.params) : null;
  return (
    <FormPage title={t("publications.import.title")}>
      {answer?.preview ? (
        <PublicationPreview {...answer.preview} problem={problem} />
      ) : hasProfile ? (
        <PublicationUploadForm problem={problem} />
      ) : (
        <p role="alert">{t("publications.import.noProfile")}</p>
      )}
      <p className="mt-6 flex flex-wrap gap-4 text-sm">
        {answer?.preview ? (
          <Link to="/me/profile/publications" className="text-brand-700 underline">
            {t("publications.import.another")}
          </Link>
        ) : null}
        <Link to="/me/profile#publications" className="text-brand-700 underline">
          {t("publications.import.back")}
        </Link>
      </p>
    </FormPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
