/**
 * A field people never see or fill in; form-filling bots do. A filled honeypot
 * is refused with a plain 400 and nothing is stored.
 */
export const HONEYPOT_FIELD = "website_confirm";

export function assertNotBot(formData: FormData) {
  const value = formData.get(HONEYPOT_FIELD);
  if (typeof value === "string" && value.trim() !== "") {
    throw new Response("Form rejected.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
