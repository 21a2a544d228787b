import { listFields } from "~/api/fields.server";
import { apiLoader, methodNotAllowed } from "~/api/respond.server";

export const loader = apiLoader(listFields);
export const action = methodNotAllowed;
