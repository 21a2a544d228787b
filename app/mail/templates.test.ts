import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { confirmSignUpMail, excerpt, existingAccountMail, notificationMail } from "./templates.server";

const HOSTILE = `<script>alert(1)</script>`;
let savedUrl: string | undefined;
beforeEach(() => {
  savedUrl = process.env.APP_URL;
  process.env.APP_URL = "https://portal.example";
});
afterEach(() => {
  if (savedUrl === undefined) delete process.env.APP_URL;
  else process.env.APP_URL = savedUrl;
});

/** The href of the HTML's action button (the first link in the body). */
const buttonHref = (html: string) => /<a href="([^"]*)"/.exec(html)?.[1]?.replace(/&amp;/g, "&");

describe("notification mails", () => {
  test("an accepted proposal leads to the conversation, in Vietnamese and in English", () => {
    const accepted = {
      key: "notify.responseMoved.accepted" as const,
      params: { title: "Cảm biến", reason: "" },
      url: "/matches/m1",
    };
    const vi = notificationMail({ name: "Lan", lang: "vi" }, accepted);
    expect(vi.subject).toBe("Đề xuất của bạn cho “Cảm biến” đã được chấp nhận · HIN");
    expect(buttonHref(vi.html)).toBe("https://portal.example/matches/m1");
    expect(vi.html).toContain("Mở cuộc trao đổi");
    expect(vi.html).toContain('<html lang="vi">');
    expect(vi.text).toContain("Chào Lan,");
    expect(vi.text).toContain("Mở cuộc trao đổi: https://portal.example/matches/m1");
    const en = notificationMail({ name: "Lan", lang: "en" }, accepted);
    expect(en.subject).toBe("Your proposal for “Cảm biến” was accepted · HIN");
    expect(en.text).toContain("Open the conversation: https://portal.example/matches/m1");
    expect(en.html).toContain('<html lang="en">');
  });

  test("a new offer for a request says which offer, why it fits (in the reader's language) and leads to the request", () => {
    const matched = {
      key: "notify.offerMatched" as const,
      params: { offer: "HPLC", title: "Chiết xuất dược liệu" },
      url: "/requests/r1#offer-suggestions",
      mail: {
        action: "mail.action.request" as const,
        reasons: [
          {
            kind: "fields" as const,
            fields: [{ vi: "Hóa học hợp chất thiên nhiên", en: "Natural products chemistry" }],
          },
          { kind: "keywords" as const, terms: ["dược liệu", HOSTILE] },
          { kind: "offerType" as const, type: "equipment" as const },
        ],
      },
    };
    const vi = notificationMail({ name: "Lan", lang: "vi" }, matched);
    expect(vi.subject).toBe("“HPLC” có thể đáp ứng đặt hàng “Chiết xuất dược liệu” của bạn · HIN");
    expect(vi.text).toContain("Vì sao phù hợp:\n> - Cùng lĩnh vực: Hóa học hợp chất thiên nhiên\n");
    expect(vi.text).toContain("> - Đúng loại đặt hàng cần: Thiết bị");
    expect(vi.text).toContain("Xem đặt hàng: https://portal.example/requests/r1#offer-suggestions");
    expect(buttonHref(vi.html)).toBe("https://portal.example/requests/r1#offer-suggestions");
    expect(vi.html).not.toContain(HOSTILE);
    const en = notificationMail({ name: "Lan", lang: "en" }, matched);
    expect(en.subject).toBe("“HPLC” may answer your request “Chiết xuất dược liệu” · HIN");
    expect(en.text).toContain("Why it fits:\n> - Same fields: Natural products chemistry\n");
    expect(en.text).toContain("> - The kind the request asks for: Equipment");
    expect(en.text).toContain("See the request: https://portal.example/requests/r1#offer-suggestions");
  });

  test("a message carries its sender and words, escaped in the HTML and whole in the text", () => {
    const mail = notificationMail(
      { name: HOSTILE, lang: "vi" },
      {
        key: "notify.message",
        params: { name: HOSTILE, title: HOSTILE },
        url: "/matches/m2",
        mail: { quote: { by: HOSTILE, text: `Xin chào ${HOSTILE}\nDòng hai` }, action: "mail.action.reply" },
      },
    );
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; viết:");
    expect(mail.html).toContain("Xin chào &lt;script&gt;");
    expect(buttonHref(mail.html)).toBe("https://portal.example/matches/m2");
    expect(mail.text).toContain(`${HOSTILE} viết:\n> Xin chào ${HOSTILE}\n> Dòng hai`);
    expect(mail.text).toContain("Đọc và trả lời: https://portal.example/matches/m2");
  });

  test("a new proposal shows the request, an excerpt of the proposal and the responses section", () => {
    const approach = `${"Chúng tôi dùng cảm biến độ ẩm giá rẻ. ".repeat(30)}CUỐI`;
    const mail = notificationMail(
      { name: "Công ty A", lang: "vi" },
      {
        key: "notify.newResponse",
        params: { title: "Tưới tiêu", name: "TS. Bình" },
        url: "/requests/r1#responses",
        mail: { quote: { by: "TS. Bình", text: approach } },
      },
    );
    expect(mail.text).toContain("TS. Bình đã gửi đề xuất cho “Tưới tiêu”");
    expect(mail.text).toContain("> Chúng tôi dùng cảm biến độ ẩm giá rẻ.");
    expect(mail.text).not.toContain("CUỐI");
    expect(mail.text).toContain("Xem các đề xuất: https://portal.example/requests/r1#responses");
    expect(buttonHref(mail.html)).toBe("https://portal.example/requests/r1#responses");
  });

  test("a rejection carries the official's note; an invitation the request's summary", () => {
    const rejected = notificationMail(
      { name: "An", lang: "en" },
      { key: "notify.requestRejected", params: { title: "Drones", note: "Add a budget" }, url: "/requests/r2" },
    );
    expect(rejected.text).toContain("Your request “Drones” was not approved: Add a budget");
    expect(rejected.html).toContain("Add a budget");
    const invited = notificationMail(
      { name: "An", lang: "en" },
      {
        key: "notify.invited",
        params: { title: "Drones" },
        url: "/requests/r2",
        mail: { requestSummary: "Spray rice fields", action: "mail.action.respond" },
      },
    );
    expect(invited.text).toContain("The request in short:\n> Spray rice fields");
    expect(invited.text).toContain("See the request and respond: https://portal.example/requests/r2");
  });
});

describe("Requests for you in the mails", () => {
  test("an invitation quotes the business's note, escaped, under a label in the reader's language", () => {
    const invitation = (lang: "vi" | "en") =>
      notificationMail(
        { name: "An", lang },
        {
          key: "notify.invitedWithNote",
          params: { title: "Drones", note: `Hope to work with you ${HOSTILE}` },
          url: "/requests/r2",
          mail: { requestSummary: "Spray rice fields", note: `Hope to work with you ${HOSTILE}` },
        },
      );
    const en = invitation("en");
    expect(en.text).toContain(`The requester's note:\n> Hope to work with you ${HOSTILE}`);
    expect(en.html).not.toContain(HOSTILE);
    expect(en.html).toContain("&lt;script&gt;");
    expect(invitation("vi").text).toContain("Lời nhắn của bên đặt hàng:\n> Hope to work with you");
  });

  test("a suggestion says why, in the reader's language, and leads to Requests for you", () => {
    const suggested = (lang: "vi" | "en") =>
      notificationMail(
        { name: "An", lang },
        {
          key: "notify.suggested",
          params: { title: "Drones" },
          url: "/me/requests-for-you#request-r2",
          mail: {
            requestSummary: "Spray rice fields",
            reasons: [{ kind: "fields", fields: [{ vi: "Cảm biến", en: "Sensors" }] }],
            action: "mail.action.forYou",
          },
        },
      );
    expect(suggested("en").text).toContain("Why it fits:\n> - Same fields: Sensors");
    expect(suggested("en").text).toContain(
      "See requests for you: https://portal.example/me/requests-for-you#request-r2",
    );
    expect(suggested("vi").text).toContain("Vì sao phù hợp:\n> - Cùng lĩnh vực: Cảm biến");
  });
});

describe("account mails", () => {
  test("the confirmation link is the button and is written out in both parts", () => {
    const mail = confirmSignUpMail({ name: "Hoa", lang: "vi" }, { token: "abc_123", hours: 24 });
    expect(mail.subject).toBe("Xác nhận tài khoản mới của bạn");
    expect(buttonHref(mail.html)).toBe("https://portal.example/confirm?token=abc_123");
    expect(mail.text).toMatch(/https:\/\/portal\.example\/confirm\?token=abc_123$/m);
  });

  test("an existing account is told where to sign in and reset, in its language", () => {
    const mail = existingAccountMail({ name: "Owner", lang: "en" });
    expect(mail.subject).toBe("You already have an account");
    expect(mail.text).toContain("https://portal.example/login");
    expect(mail.text).toContain("https://portal.example/forgot-password");
  });
});

test("an excerpt cuts a long text at a word and marks the cut", () => {
  expect(excerpt("  short  ")).toBe("short");
  const cut = excerpt("word ".repeat(200), 50);
  expect(cut.length).toBeLessThanOrEqual(51);
  expect(cut).toMatch(/word…$/);
});
