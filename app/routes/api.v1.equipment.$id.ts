import { showOffer } from "~/api/offers.server";
import { apiLoader, methodNotAllowed } from "~/api/respond.server";

export const loader = apiLoader(showOffer("equipment"));
export const action = methodNotAllowed;
