import { showRequest } from "~/api/requests.server";
import { apiLoader, methodNotAllowed } from "~/api/respond.server";

export const loader = apiLoader(showRequest);
export const action = methodNotAllowed;
