import { HtmlValidate, type ConfigData } from "html-validate";

/**
 * html-validate's recommended rules, less the ones about how markup is spelled that
 * React's server output cannot follow (each says why). Everything else, from landmarks
 * and ids to labels and input types, must pass on every page.
 */
export const HTML_VALIDATE_CONFIG: ConfigData = {
  extends: ["html-validate:recommended"],
  rules: {
    // React writes the attribute names it knows in camelCase (charSet, maxLength, hrefLang);
    // HTML attribute names are case-insensitive, so browsers read them the same.
    "attr-case": "off",
    // React closes void elements (<meta/>, <input/>); both spellings are valid HTML.
    "void-style": "off",
    // React writes a true boolean attribute as disabled="" and an empty one as value="";
    // both are valid HTML and mean the same as the bare forms the rules prefer.
    "attribute-boolean-style": "off",
    "attribute-empty-style": "off",
    // Not a spelling rule, a setting: a group of checkboxes shares one name by design
    // (a GET form sends `field=a&field=b`), as radio buttons do.
    "form-dup-name": ["error", { shared: ["radio", "checkbox", "button", "reset", "submit"] }],
  },
};

const validator = new HtmlValidate(HTML_VALIDATE_CONFIG);

/** The problems html-validate finds in one page, as short lines ("rule: message (where)"). */
export async function htmlProblems(html: string, name: string): Promise<string[]> {
  const report = await validator.validateString(html, name);
  return report.results.flatMap((result) =>
    result.messages.map((message) => `${message.ruleId}: ${message.message} (${message.selector ?? "?"})`),
  );
}
