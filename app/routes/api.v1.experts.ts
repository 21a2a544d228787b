import { listExperts } from "~/api/experts.server";
import { apiLoader, methodNotAllowed } from "~/api/respond.server";

export const loader = apiLoader(listExperts);
export const action = methodNotAllowed;
