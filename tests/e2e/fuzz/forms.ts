import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import type { Fields } from "./inputs";

/**
 * Finds the forms a page really serves, read by Chromium from the server's
 * HTML (scripts off, so it is what a browser without JavaScript submits): one
 * submission per submit button, with the values a person would plausibly
 * type into the empty fields, so that a single hostile field is what the
 * server has to deal with.
 */
export type FoundForm = {
  /** Path and query of the form's action */
  action: string;
  method: "GET" | "POST";
  multipart: boolean;
  fields: Fields;
  /** Names of its file inputs */
  files: string[];
  /** Where it was found, for messages */
  page: string;
};

type RawControl = {
  tag: string;
  type: string;
  name: string;
  value: string;
  checked: boolean;
  options: string[];
  min: string;
  max: string;
  maxLength: number;
};
type RawForm = {
  action: string;
  method: string;
  enctype: string;
  controls: RawControl[];
  buttons: { name: string; value: string }[];
};

export async function formsOn(page: Page, url: string): Promise<FoundForm[]> {
  const response = await page.goto(url);
  if (!response || response.status() >= 400) throw new Error(`${url} answered ${response?.status()}`);
  const raw: RawForm[] = await page.evaluate(() =>
    // Attributes, not properties: a field named "action" or "method" shadows the form's own.
    [...document.forms].map((form) => ({
      action: new URL(form.getAttribute("action") ?? "", document.baseURI).href,
      method: form.getAttribute("method") ?? "get",
      enctype: form.getAttribute("enctype") ?? "",
      controls: [...form.elements]
        .filter(
          (element): element is HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement =>
            "name" in element && Boolean((element as HTMLInputElement).name),
        )
        .filter(
          (element) =>
            !(element instanceof HTMLButtonElement) &&
            !["submit", "button", "reset", "image"].includes((element as HTMLInputElement).type),
        )
        .map((element) => ({
          tag: element.tagName.toLowerCase(),
          type: (element as HTMLInputElement).type ?? "",
          name: element.name,
          value: element.value,
          checked: element instanceof HTMLInputElement ? element.checked : false,
          options: element instanceof HTMLSelectElement ? [...element.options].map((option) => option.value) : [],
          min: (element as HTMLInputElement).min ?? "",
          max: (element as HTMLInputElement).max ?? "",
          maxLength: (element as HTMLInputElement).maxLength ?? -1,
        })),
      buttons: [
        ...form.querySelectorAll<HTMLButtonElement | HTMLInputElement>("button[name], input[type=submit][name]"),
      ]
        .filter((button) => button.type === "submit")
        .map((button) => ({ name: button.name, value: button.value })),
    })),
  );
  const found: FoundForm[] = [];
  for (const form of raw) {
    const action = new URL(form.action);
    const fields = plausibleFields(form.controls);
    const submissions =
      form.buttons.length > 0
        ? form.buttons.map((button): Fields => [...fields, [button.name, button.value]])
        : [fields];
    for (const submission of submissions) {
      found.push({
        action: action.pathname + action.search,
        method: form.method.toUpperCase() === "POST" ? "POST" : "GET",
        multipart: form.enctype === "multipart/form-data",
        fields: submission,
        files: form.controls.filter((control) => control.type === "file").map((control) => control.name),
        page: url,
      });
    }
  }
  return found;
}

const SAMPLE_TEXT =
  "Nghiên cứu và chuyển giao công nghệ bảo quản nông sản sau thu hoạch cho doanh nghiệp vừa và nhỏ tại Hà Nội, thử nghiệm tại phòng thí nghiệm.";

/** What the browser would send, with the empty fields filled as a careful person would fill them. */
function plausibleFields(controls: RawControl[]): Fields {
  const fields: Fields = [];
  const checkedGroups = new Set(
    controls.filter((control) => control.type === "radio" && control.checked).map((control) => control.name),
  );
  for (const control of controls) {
    if (control.type === "checkbox") {
      if (control.checked) fields.push([control.name, control.value || "on"]);
      continue;
    }
    if (control.type === "radio") {
      if (control.checked || !checkedGroups.has(control.name)) {
        checkedGroups.add(control.name);
        fields.push([control.name, control.value]);
      }
      continue;
    }
    if (control.type === "file") continue;
    if (control.tag === "select") {
      fields.push([control.name, control.value || control.options.find(Boolean) || ""]);
      continue;
    }
    fields.push([control.name, control.value || sample(control)]);
  }
  return fields;
}

function sample(control: RawControl): string {
  const name = control.name.toLowerCase();
  if (control.type === "email" || name.includes("email"))
    return `fuzz-${Math.random().toString(36).slice(2, 10)}@example.vn`;
  if (control.type === "password") return "correct horse battery staple";
  if (control.type === "url" || name.includes("url") || name.includes("website")) return "https://example.vn/bai-bao";
  if (control.type === "date") return new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  if (control.type === "number") return control.min || "1";
  if (control.type === "hidden") return "";
  const text = control.tag === "textarea" ? SAMPLE_TEXT : `Kiểm thử ${Math.random().toString(36).slice(2, 8)}`;
  return control.maxLength > 0 ? text.slice(0, control.maxLength) : text;
}

/**
 * The route patterns of every module in app/routes that has an action, so the
 * test can show that it found a form for each one ("every form").
 */
export function actionRoutes(root: string): { file: string; pattern: RegExp }[] {
  const dir = path.join(root, "app/routes");
  return fs
    .readdirSync(dir)
    .filter((file) => /export (async function|const) action\b/.test(fs.readFileSync(path.join(dir, file), "utf8")))
    .map((file) => ({ file, pattern: routePattern(file) }));
}

/** Remix flat-routes file name to a regular expression over paths: `organizations.$slug_.edit.tsx` → /organizations/[^/]+/edit */
function routePattern(file: string): RegExp {
  const segments = file
    .replace(/\.tsx?$/, "")
    .split(/\.(?![^[]*\])/)
    .filter((segment) => segment !== "_index" && !segment.startsWith("_"))
    .map((segment) => segment.replace(/_$/, "").replace(/\[(.)\]/g, "$1"))
    .map((segment) =>
      segment === "$" ? ".*" : segment.startsWith("$") ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
    );
  return new RegExp(`^/${segments.join("/")}/?$`);
}
