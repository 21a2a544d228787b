import { listRequests } from "~/api/requests.server";
import { apiLoader, methodNotAllowed } from "~/api/respond.server";

export const loader = apiLoader(listRequests);
export const action = methodNotAllowed;
