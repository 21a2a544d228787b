import { Form } from "@remix-run/react";
import { SubmitButton } from "~/components/forms";
import { PublicationEntry } from "~/components/publication-entry";
import { Badge } from "~/components/ui/badge";
import { useT } from "~/i18n/i18n";

/**
 * Importing publications from a BibTeX or RIS file (docs/decisions/071), in two
 * plain forms: the upload, which answers with a preview, and the preview, whose
 * ticked entries are imported. Both post to /me/profile/publications.
 */

export const IMPORT_ACTION = "/me/profile/publications";

/** The upload form: on /me/profile, and again on the import page after a refused file. */
export function PublicationUploadForm({
  problem,
  headingLevel = 2,
}: {
  problem?: string | null;
  headingLevel?: 2 | 3;
}) {
  const t = useT();
  const Heading = `h${headingLevel}` as const;
  return (
    <Form method="post" action={IMPORT_ACTION} encType="multipart/form-data" className="space-y-3">
      <Heading id="publications-import" className="text-lg font-semibold">
        {t("publications.import.heading")}
      </Heading>
      <p id="publications-file-hint" className="text-sm text-slate-600">
        {t("publications.import.intro")}
      </p>
      {problem ? (
        <p
          id="publications-file-error"
          role="alert"
          className="rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-sm"
        >
          {problem}
        </p>
      ) : null}
      <div>
        <label htmlFor="publications-file" className="block text-sm font-medium">
          {t("publications.import.file")}
        </label>
        <input
          id="publications-file"
          name="file"
          type="file"
          required
          accept=".bib,.bibtex,.ris,.txt,text/plain,application/x-bibtex,application/x-research-info-systems"
          aria-describedby={problem ? "publications-file-hint publications-file-error" : "publications-file-hint"}
          aria-invalid={problem ? true : undefined}
          className="mt-2 block w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-2"
        />
      </div>
      <SubmitButton tone="secondary">{t("publications.import.preview")}</SubmitButton>
    </Form>
  );
}

export type PreviewItem = {
  title: string;
  authors: string | null;
  venue: string | null;
  year: number | null;
  doi: string | null;
  url: string | null;
  listed: boolean;
};

/** The file's entries, each with its box (ticked unless the last answer said otherwise). */
export function PublicationPreview({
  format,
  entries,
  picked,
  problem,
}: {
  format: string;
  entries: PreviewItem[];
  picked: number[] | null;
  problem?: string | null;
}) {
  const t = useT();
  return (
    <Form method="post" action={IMPORT_ACTION} className="space-y-4">
      <h2 className="text-lg font-semibold">{t("publications.import.previewHeading", { count: entries.length })}</h2>
      <p className="text-sm text-slate-600">{t("publications.import.previewIntro")}</p>
      {problem ? (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-sm">
          {problem}
        </p>
      ) : null}
      <input type="hidden" name="format" value={format} />
      <ul className="space-y-3">
        {entries.map(({ listed, ...entry }, i) => (
          <li key={i} className="flex gap-3 rounded-lg border border-slate-200 p-3 text-sm">
            <input type="hidden" name={`entries[${i}]`} value={JSON.stringify(entry)} />
            <input
              id={`pick-${i}`}
              type="checkbox"
              name="pick"
              value={i}
              defaultChecked={picked ? picked.includes(i) : true}
              aria-label={t("publications.import.pick", { title: entry.title })}
              className="mt-1 h-5 w-5 shrink-0"
            />
            <div className="min-w-0 break-words">
              {listed ? (
                <span className="float-right ml-2">
                  <Badge>{t("publications.import.listed")}</Badge>
                </span>
              ) : null}
              <PublicationEntry link={entry} />
            </div>
          </li>
        ))}
      </ul>
      <SubmitButton name="intent" value="import">
        {t("publications.import.submit")}
      </SubmitButton>
    </Form>
  );
}
