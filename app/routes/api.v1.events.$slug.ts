import { showEvent } from "~/api/events.server";
import { apiLoader, methodNotAllowed } from "~/api/respond.server";

export const loader = apiLoader(showEvent);
export const action = methodNotAllowed;
