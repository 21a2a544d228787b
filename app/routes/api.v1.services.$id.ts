import { showOffer } from "~/api/offers.server";
import { apiLoader, methodNotAllowed } from "~/api/respond.server";

export const loader = apiLoader(showOffer("service"));
export const action = methodNotAllowed;
