import { describe, expect, test } from "vitest";
import { splitLinks } from "./message-links";

describe("a message's links", () => {
  test("are its http(s) and www. addresses, with the rest as text", () => {
    expect(splitLinks("Xem https://example.org/a?b=1, rồi www.hanoi.gov.vn.")).toEqual([
      { text: "Xem " },
      { text: "https://example.org/a?b=1", href: "https://example.org/a?b=1" },
      { text: ", rồi " },
      { text: "www.hanoi.gov.vn", href: "http://www.hanoi.gov.vn" },
      { text: "." },
    ]);
  });

  test("leave every other scheme, e-mail addresses, bare domains and HTML as plain text", () => {
    const body =
      'javascript:alert(1) <a href="javascript:alert(2)">x</a> data:text/html,<b>y</b> mailto:a@b.vn a@b.vn ftp://x.vn example.com';
    expect(splitLinks(body)).toEqual([{ text: body }]);
  });

  test("keep the text whole: joined again, the parts are the body", () => {
    const body = "a http://x.vn/đường?q=1#z b\nhttps://y.vn c";
    expect(
      splitLinks(body)
        .map((part) => part.text)
        .join(""),
    ).toBe(body);
  });
});
