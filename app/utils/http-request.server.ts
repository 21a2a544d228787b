/**
 * Whether cookies for this request may be marked Secure: HTTPS, or a loopback
 * host (browsers treat http://localhost as a secure context).
 */
export function isSecureRequest(request: Request): boolean {
  const url = new URL(request.url);
  return url.protocol === "https:" || ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}
