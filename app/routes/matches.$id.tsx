import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { conversationUrl } from "~/domain/conversation";

/**
 * A match's thread moved into its conversation, which has the match's id
 * (docs/decisions/060): links in earlier e-mails and notifications still arrive.
 * The conversation page checks membership.
 */
export function loader({ params }: LoaderFunctionArgs) {
  return redirect(conversationUrl(encodeURIComponent(params.id ?? "")), 301);
}
