import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { signOut } from "~/auth/auth.server";

/** POST /logout ends this browser's session. (GET does nothing: links must not sign people out.) */
export async function loader() {
  return redirect("/");
}

export async function action(args: ActionFunctionArgs) {
  return redirect("/", { headers: { "Set-Cookie": await signOut(args) } });
}
