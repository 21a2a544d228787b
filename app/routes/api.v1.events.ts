import { listEvents } from "~/api/events.server";
import { apiLoader, methodNotAllowed } from "~/api/respond.server";

export const loader = apiLoader(listEvents);
export const action = methodNotAllowed;
