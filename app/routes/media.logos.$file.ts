import type { LoaderFunctionArgs } from "@remix-run/node";
import { logoFile } from "~/models/media.server";
import { mediaAnswer } from "./__media.server";

/** A logo's file, cached for a year (its name changes with every upload). */
export function loader({ params }: LoaderFunctionArgs) {
  return mediaAnswer(logoFile(params.file ?? ""));
}
