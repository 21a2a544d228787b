import { listOffers } from "~/api/offers.server";
import { apiLoader, methodNotAllowed } from "~/api/respond.server";

export const loader = apiLoader(listOffers("technology"));
export const action = methodNotAllowed;
