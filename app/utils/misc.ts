import { translator } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/messages";

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
    throw new Response("Expected a form submission.", {
      status: 415,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  let form: FormData;
  try {
    // Fields are counted before a urlencoded body is split into them (a body within the limit
    // can still hold 87,000 empty ones); a multipart body within the limit holds far fewer.
    if (type.startsWith("application/x-www-form-urlencoded")) {
      const text = await request.text();
      if (text.split("&").length > MAX_FORM_FIELDS) throw tooManyFields();
      form = new FormData();
      for (const [name, value] of new URLSearchParams(text)) form.append(name, value);
    } else {
      form = await request.formData();
    }
  } catch (error) {
    if (error instanceof Response) throw error;
    throw unreadableForm();
  }
  let count = 0;
  for (const _ of form.keys()) if (++count > MAX_FORM_FIELDS) throw tooManyFields();
  return form;
}

/** More than any form of the portal sends (the edit form's 314 field boxes at most). */
export const MAX_FORM_FIELDS = 1_000;

export function tooManyFields(max = MAX_FORM_FIELDS): Response {
  return new Response(bothLanguages("form.tooManyFields", { max }), {
    status: 413,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

export function unreadableForm(): Response {
  return new Response(bothLanguages("form.unreadable"), {
    status: 400,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

/** A plain-text answer outside any page: the message in Vietnamese, then in English. */
function bothLanguages(key: MessageKey, params?: Record<string, string | number>): string {
  return `${translator("vi")(key, params)} / ${translator("en")(key, params)}`;
}

export function externalUrlLabel(url: string): string {
  return url.replace(/^https?:\/\//, "").replace(/\/$/, "");
}
