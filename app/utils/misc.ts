/** Joins class names, skipping falsy ones. */
export function cx(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(" ");
}

/** Throws a Response with the status when the condition is false (400/403/404 guards). */
export function invariantResponse(
  condition: unknown,
  message: string,
  init: ResponseInit & { status: number } = { status: 400 },
): asserts condition {
  if (!condition) {
    throw new Response(message, { ...init, headers: { "Content-Type": "text/plain; charset=utf-8", ...init.headers } });
  }
}

/**
 * A same-site path to go back to after a form, or the fallback: never another
 * origin. Control characters and backslashes are refused because browsers
 * drop or rewrite them ("/\t/evil.com" becomes "//evil.com").
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || to.length > 2_000) return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || /[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  return to;
}

/**
 * The posted form, or a 400 when the body is not a form (JSON, plain text,
 * nothing at all): callers never see a parsing exception.
 */
export async function readForm(request: Request): Promise<FormData> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data")) {
    throw new Response("Expected a form submission.", { status: 415, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  try {
    return await request.formData();
  } catch {
    throw new Response("The form could not be read.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}

export function externalUrlLabel(url: string): string {
  return url.replace(/^https?:\/\//, "").replace(/\/$/, "");
}
