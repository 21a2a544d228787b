import { describe, expect, test } from "vitest";
import { EMAIL_PLACEHOLDER, jsonWithoutEmails, withoutEmails } from "./redact";

describe("e-mail addresses in free text", () => {
  test.each([
    ["Liên hệ: nguyen.van.a@hust.edu.vn.", `Liên hệ: ${EMAIL_PLACEHOLDER}.`],
    ["mail TO+tag@Example.COM or x_y@sub.domain.vn", `mail ${EMAIL_PLACEHOLDER} or ${EMAIL_PLACEHOLDER}`],
    ["hòa@đại-học.vn", EMAIL_PLACEHOLDER],
  ])("%s is masked", (text, expected) => {
    expect(withoutEmails(text)).toBe(expected);
  });

  test.each(["https://medium.com/@someone/post", "@handle", "a @ b.com", "C# @ 10:00", "https://portal.example/x?y=1"])(
    "%s is left alone",
    (text) => {
      expect(withoutEmails(text)).toBe(text);
    },
  );

  test("every string of a JSON value, however deep; other values untouched", () => {
    const value = { a: "x@y.vn", b: [{ c: "write to p.q@r.org" }], n: 3, t: true, z: null, d: new Date(0) };
    expect(JSON.parse(jsonWithoutEmails(value))).toEqual({
      a: EMAIL_PLACEHOLDER,
      b: [{ c: `write to ${EMAIL_PLACEHOLDER}` }],
      n: 3,
      t: true,
      z: null,
      d: "1970-01-01T00:00:00.000Z",
    });
  });
});
