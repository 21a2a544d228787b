import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/auth.server";
import { confirmProfile } from "~/models/profile-reconfirmation.server";
import { readForm } from "~/utils/misc";

/** "Confirm the profile is still accurate" (docs/decisions/071): the form is on /me/profile. */
export function loader(args: LoaderFunctionArgs) {
  requireUser(args);
  return redirect("/me/profile#confirm-profile");
}

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  await readForm(args.request);
  if (!(await confirmProfile(user.id))) {
    throw new Response("No published profile to confirm.", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return redirect("/me/profile?confirmed=1#confirm-profile");
}
