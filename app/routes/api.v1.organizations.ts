import { listOrganizations } from "~/api/organizations.server";
import { apiLoader, methodNotAllowed } from "~/api/respond.server";

export const loader = apiLoader(listOrganizations);
export const action = methodNotAllowed;
