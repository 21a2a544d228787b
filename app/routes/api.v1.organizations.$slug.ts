import { showOrganization } from "~/api/organizations.server";
import { apiLoader, methodNotAllowed } from "~/api/respond.server";

export const loader = apiLoader(showOrganization);
export const action = methodNotAllowed;
