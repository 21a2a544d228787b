import { openApiDocument } from "~/api/openapi";
import { parseNoParameters } from "~/api/params";
import { apiLoader, methodNotAllowed } from "~/api/respond.server";

/** The API's description, built in code (app/api/openapi.ts) for this portal's address. */
export const loader = apiLoader(async ({ url, origin }) => {
  parseNoParameters(url.searchParams);
  return openApiDocument(origin);
});
export const action = methodNotAllowed;
