import { showExpert } from "~/api/experts.server";
import { apiLoader, methodNotAllowed } from "~/api/respond.server";

export const loader = apiLoader(showExpert);
export const action = methodNotAllowed;
