import type { LoaderFunctionArgs } from "@remix-run/node";
import { mediaFile, PHOTO_IMAGES } from "~/models/media.server";
import { mediaAnswer } from "./__media.server";

/** An equipment photo's file, cached for a year (its name changes with every upload). */
export function loader({ params }: LoaderFunctionArgs) {
  return mediaAnswer(mediaFile(PHOTO_IMAGES, params.file ?? ""));
}
