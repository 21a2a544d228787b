import type { Language } from "~/i18n/i18n";
import { setting } from "./env.server";

/**
 * The agency that runs the portal, named in the footer and the legal pages. The city's
 * Department of Science and Technology by default; a deployment sets its own in
 * OPERATOR_NAME_VI / OPERATOR_NAME_EN / OPERATOR_WEBSITE / OPERATOR_EMAIL.
 */
export type Operator = { name: string; website: string | null; contactEmail: string | null };

export function operator(lang: Language): Operator {
  const name =
    lang === "en"
      ? (setting("OPERATOR_NAME_EN") ?? "Hanoi Department of Science and Technology")
      : (setting("OPERATOR_NAME_VI") ?? "Sở Khoa học và Công nghệ Hà Nội");
  const website = setting("OPERATOR_WEBSITE") ?? "https://sokhcn.hanoi.gov.vn";
  const email = setting("OPERATOR_EMAIL") ?? null;
  return {
    name,
    website: /^https?:\/\//.test(website) ? website : null,
    contactEmail: email && /^[^\s@]+@[^\s@]+$/.test(email) ? email : null,
  };
}
