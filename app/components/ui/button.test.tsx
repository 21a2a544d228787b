import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { Button, buttonClass } from "./button";

const html = (element: React.ReactElement) => renderToStaticMarkup(element);

describe("Button", () => {
  test("is a plain button unless told to submit", () => {
    expect(html(<Button>OK</Button>)).toMatch(/^<button type="button"/);
    expect(
      html(
        <Button type="submit" name="intent" value="save">
          OK
        </Button>,
      ),
    ).toMatch(/^<button type="submit" class="[^"]+" name="intent" value="save">OK<\/button>$/);
  });

  test("looks like today's primary button by default, and like the others when asked", () => {
    expect(buttonClass()).toContain("bg-brand-700 text-white");
    expect(buttonClass({ variant: "secondary" })).toContain("border-slate-300");
    expect(buttonClass({ variant: "danger" })).toContain("bg-red-700");
    expect(buttonClass({ size: "sm" })).toContain("text-sm");
    expect(buttonClass({ className: "mt-2" }).split(" ")).toContain("mt-2");
  });
});
