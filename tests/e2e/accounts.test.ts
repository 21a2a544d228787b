import crypto from "node:crypto";
import { describe, expect, inject, test } from "vitest";
import { readMailbox } from "~/models/mail.server";
import { SESSION_COOKIE, sessionIdFromToken } from "~/utils/session.server";
import { useBrowser } from "./browser";
import { createUser, PASSWORD, portalDb, signInAs } from "./fixtures";
import { httpClient } from "./http-client";

/**
 * Accounts as people use them: sign up, sign out, sign in, reset a forgotten
 * password through the mailbox, sign out everywhere. The session cookie is
 * checked for its flags and the database for what it keeps (a hash only).
 */
const { openPage } = useBrowser();
type Page = import("playwright-core").Page;

const NEW_PASSWORD = "a different long passphrase";

async function signInThroughForm(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
}

async function sessionToken(page: Page) {
  const cookies = await page.context().cookies();
  return cookies.find((cookie) => cookie.name === SESSION_COOKIE);
}

describe("accounts", () => {
  test("sign up, sign out, sign in again; the cookie is HttpOnly, SameSite=Lax, Secure and only its hash is stored", async () => {
    const email = `le.thi.hoa.${crypto.randomBytes(3).toString("hex")}@vnu.example.vn`;
    const page = await openPage();
    await page.goto("/signup");
    await page.getByLabel("Nhà khoa học, nhà nghiên cứu").check();
    await page.getByLabel("Họ và tên").fill("Lê Thị Hoa");
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Mật khẩu", { exact: true }).fill(PASSWORD);
    await page.getByLabel("Nhập lại mật khẩu").fill(PASSWORD);
    await page.getByRole("button", { name: "Tạo tài khoản" }).click();
    await page.waitForURL(/\/me\/profile$/);

    const cookie = await sessionToken(page);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: true, path: "/" });
    // Thirty days, give or take the test's own duration.
    expect(cookie!.expires * 1000 - Date.now()).toBeGreaterThan(29 * 24 * 3600_000);
    const user = await portalDb().user.findUniqueOrThrow({ where: { email }, include: { sessions: true } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user.sessions.map((session) => session.id)).toEqual([sessionIdFromToken(cookie!.value)]);
    expect(user.sessions[0]!.id).not.toContain(cookie!.value);

    // Sign out from the header: the session row goes, and private pages ask to sign in.
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    expect(await sessionToken(page)).toBeUndefined();
    expect(await portalDb().session.count({ where: { userId: user.id } })).toBe(0);
    await page.goto("/account");
    await expect.poll(() => new URL(page.url()).pathname).toBe("/login");

    // A wrong password is refused with a message that does not say which part was wrong.
    await signInThroughForm(page, email, "not the password at all");
    await expect.poll(() => page.getByText("E-mail hoặc mật khẩu không đúng.").isVisible()).toBe(true);
    await signInThroughForm(page, email.toUpperCase(), PASSWORD);
    await page.waitForURL(/\/account$/);
    await expect.poll(() => page.getByRole("heading", { name: "Tài khoản của bạn" }).isVisible()).toBe(true);
  });

  test("a forgotten password is reset through the e-mailed link, once, and old sessions end", async () => {
    const user = await createUser({ accountType: "researcher" });
    const elsewhere = await signInAs(user.id); // another browser, still signed in
    const page = await openPage();
    await page.goto("/forgot-password");
    await page.getByLabel("E-mail").fill(user.email);
    await page.getByRole("button", { name: "Gửi đường dẫn" }).click();
    await expect.poll(() => page.getByText("Nếu e-mail này có tài khoản").isVisible()).toBe(true);

    // An unknown address gets the very same answer (nothing reveals who has an account) and no mail.
    const stranger = await openPage();
    await stranger.goto("/forgot-password");
    await stranger.getByLabel("E-mail").fill(`nobody-${crypto.randomBytes(3).toString("hex")}@example.vn`);
    await stranger.getByRole("button", { name: "Gửi đường dẫn" }).click();
    await expect.poll(() => stranger.getByText("Nếu e-mail này có tài khoản").isVisible()).toBe(true);

    const mail = await expect
      .poll(() => readMailbox(inject("mailbox")).find((message) => message.to.includes(user.email)), { timeout: 20_000 })
      .toBeTruthy()
      .then(() => readMailbox(inject("mailbox")).find((message) => message.to.includes(user.email))!);
    expect(mail.subject).toContain("Đặt lại mật khẩu");
    const link = mail.text.match(/https?:\/\/\S+\/reset-password\?token=[\w-]+/)?.[0];
    expect(link).toBeTruthy();
    const resetPath = new URL(link!).pathname + new URL(link!).search;

    await page.goto(resetPath);
    await page.getByLabel("Mật khẩu mới", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Nhập lại mật khẩu").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Đặt mật khẩu mới" }).click();
    await page.waitForURL(/\/account\?reset=1$/);
    await expect.poll(() => page.getByText("Đã đặt mật khẩu mới.").isVisible()).toBe(true);

    // The other browser was signed out; the old password no longer works, the new one does.
    expect((await httpClient({ cookie: elsewhere }).get("/account")).status).toBe(302);
    const client = httpClient();
    const old = await client.post("/login", { email: user.email, password: PASSWORD });
    expect(old.status).toBe(400);
    const fresh = await client.post("/login", { email: user.email, password: NEW_PASSWORD });
    expect(fresh.status).toBe(302);

    // The link works once.
    const again = await openPage();
    await again.goto(resetPath);
    await expect.poll(() => again.getByText("Đường dẫn không hợp lệ hoặc đã hết hạn.").isVisible()).toBe(true);
  });

  test("changing the password needs the current one and signs out the other browsers; sign out everywhere ends all", async () => {
    const user = await createUser({ accountType: "business" });
    const other = await signInAs(user.id);
    const page = await openPage();
    await signInAs(user.id, page.context());
    await page.goto("/account");
    await expect.poll(() => page.getByText("Bạn đang đăng nhập trên 2 trình duyệt.").isVisible()).toBe(true);

    await page.getByLabel("Mật khẩu hiện tại").fill("a wrong current password");
    await page.getByLabel("Mật khẩu mới", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Nhập lại mật khẩu").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
    await expect.poll(() => page.getByText("Mật khẩu hiện tại không đúng.").isVisible()).toBe(true);
    expect((await httpClient({ cookie: other }).get("/account")).status).toBe(200);

    await page.getByLabel("Mật khẩu hiện tại").fill(PASSWORD);
    await page.getByLabel("Mật khẩu mới", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Nhập lại mật khẩu").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
    await expect.poll(() => page.getByText("Đã đổi mật khẩu.").isVisible()).toBe(true);
    expect((await httpClient({ cookie: other }).get("/account")).status).toBe(302);
    expect((await httpClient({ cookie: (await sessionCookieHeader(page))! }).get("/account")).status).toBe(200);

    // Sign out everywhere: this browser too.
    const third = await signInAs(user.id);
    await page.getByRole("button", { name: "Đăng xuất khỏi mọi nơi" }).click();
    await page.waitForURL((url) => url.pathname === "/" || url.pathname === "/login");
    expect(await portalDb().session.count({ where: { userId: user.id } })).toBe(0);
    expect((await httpClient({ cookie: third }).get("/account")).status).toBe(302);
  });

  test("repeated wrong passwords for one account are slowed down with 429, even from many addresses", async () => {
    const user = await createUser();
    const responses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      // A fresh client each time: a new address, as a distributed guesser would have.
      const response = await httpClient().post("/login", { email: user.email, password: `guess number ${attempt}` });
      responses.push(response.status);
    }
    expect(responses.slice(0, 10)).toEqual(Array(10).fill(400));
    expect(responses.slice(10)).toEqual([429, 429]);
    const blocked = await httpClient().post("/login", { email: user.email, password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await blocked.text()).toContain("Quá nhiều lần thử");
    expect(await portalDb().session.count({ where: { userId: user.id } })).toBe(0);

    // Another account is not affected.
    const neighbour = await createUser();
    expect((await httpClient().post("/login", { email: neighbour.email, password: PASSWORD })).status).toBe(302);
  });

  test("a plain HTTP sign-in gets the same cookie flags; the honeypot stops bots", async () => {
    const user = await createUser();
    const response = await fetch(`${inject("baseURL")}/login`, {
      method: "POST",
      redirect: "manual",
      headers: {
        Origin: new URL(inject("baseURL")).origin,
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Forwarded-For": "10.200.0.1",
      },
      body: new URLSearchParams({ email: user.email, password: PASSWORD }),
    });
    expect(response.status).toBe(302);
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[a-z2-7]{32};`));
    for (const flag of ["HttpOnly", "SameSite=Lax", "Path=/", "Secure"]) expect(setCookie).toContain(flag);

    const bot = await httpClient().post("/signup", {
      accountType: "business",
      name: "Spam Bot",
      email: `bot-${crypto.randomBytes(3).toString("hex")}@example.vn`,
      password: PASSWORD,
      confirmPassword: PASSWORD,
      website_confirm: "http://spam.example",
    });
    expect(bot.status).toBe(400);
    expect(await portalDb().user.count({ where: { name: "Spam Bot" } })).toBe(0);
  });
});

async function sessionCookieHeader(page: Page) {
  const cookie = await sessionToken(page);
  return cookie ? `${SESSION_COOKIE}=${cookie.value}` : null;
}
