import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { Highlight } from "./highlight";

const html = (text: string | undefined, fallback = "") =>
  renderToStaticMarkup(<Highlight text={text} fallback={fallback} />);

describe("Highlight", () => {
  test("marks the highlighted parts", () => {
    expect(html("Viện \uE000Toán\uE001 học")).toBe("Viện <mark>Toán</mark> học");
  });

  test("extends a partial match to the end of its word", () => {
    expect(html("Bách \uE000kho\uE001a Hà Nội")).toBe("Bách <mark>khoa</mark> Hà Nội");
  });

  test("shows markup in the text as text, never as HTML", () => {
    expect(html("<script>alert(1)</script> \uE000lab\uE001")).toBe(
      "&lt;script&gt;alert(1)&lt;/script&gt; <mark>lab</mark>",
    );
  });

  test("falls back to the plain text and tolerates an unclosed marker", () => {
    expect(html(undefined, "Plain")).toBe("Plain");
    expect(html("a \uE000b")).toBe("a <mark>b</mark>");
  });
});
