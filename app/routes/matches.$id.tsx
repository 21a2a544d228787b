import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { conversationUrl } from "~/domain/conversation";
import { invariantResponse } from "~/utils/misc";

/**
 * A match's thread moved into its conversation, which has the match's id
 * (docs/decisions/060): links in earlier e-mails and notifications still arrive.
 * The conversation page checks membership.
 */
export function loader({ params }: LoaderFunctionArgs) {
  // Only an id goes into the Location header: anything else (spaces, line breaks) was a 500.
  const id = params.id ?? "";
  invariantResponse(/^[a-z0-9]{10,40}$/.test(id), "Not found", { status: 404 });
  return redirect(conversationUrl(id), 301);
}
