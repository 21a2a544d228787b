import { ApiError } from "~/api/errors";
import { apiLoader, methodNotAllowed } from "~/api/respond.server";

/** Unknown paths under /api/v1 answer in the API's error shape, not with the site's HTML 404 page. */
export const loader = apiLoader(async ({ url }) => {
  throw new ApiError(404, "not_found", `No endpoint at ${url.pathname}; see /api/v1/openapi.json.`);
});
export const action = methodNotAllowed;
