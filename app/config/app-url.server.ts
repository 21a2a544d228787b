import { setting } from "./env.server";

/**
 * The portal's public address (APP_URL, default http://localhost:$PORT), without a
 * trailing slash. Absolute links in e-mails and in the API are built from it, never
 * from the request's Host or X-Forwarded-Host, which any client can forge.
 */
export function appUrl(): string {
  return (setting("APP_URL") ?? `http://localhost:${setting("PORT")}`).replace(/\/+$/, "");
}
