import { baseURL, clientAddress } from "./browser";

/** A plain HTTP client posing as one browser: same address, its own cookie, the site's Origin. */
export function httpClient(options: { cookie?: string } = {}) {
  const address = clientAddress();
  const origin = () => new URL(baseURL()).origin;
  const headers = (extra: Record<string, string> = {}) => ({
    "X-Forwarded-For": address,
    ...(options.cookie ? { Cookie: options.cookie } : {}),
    ...extra,
  });
  return {
    get: (path: string) => fetch(`${baseURL()}${path}`, { redirect: "manual", headers: headers() }),
    post: (path: string, form: Record<string, string | string[]>) => {
      const body = new URLSearchParams();
      for (const [name, value] of Object.entries(form))
        for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
      return fetch(`${baseURL()}${path}`, {
        method: "POST",
        redirect: "manual",
        body,
        headers: headers({ Origin: origin() }),
      });
    },
    /** A multipart form, as a browser sends one with files (fetch sets the boundary). */
    postMultipart: (path: string, form: FormData) =>
      fetch(`${baseURL()}${path}`, {
        method: "POST",
        redirect: "manual",
        body: form,
        headers: headers({ Origin: origin() }),
      }),
  };
}
