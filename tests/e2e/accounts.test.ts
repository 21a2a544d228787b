import crypto from "node:crypto";
import { describe, expect, inject, test } from "vitest";
import { readMailbox } from "../mailbox";
import { SESSION_COOKIE, sessionIdFromToken } from "~/auth/session.server";
import { useBrowser } from "./browser";
import { makeUser, PASSWORD } from "../factories";
import { confirmThroughMailbox, mailedConfirmationPath, portalDb, signInAs } from "./fixtures";
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
    await expect.poll(() => page.getByText(`Chúng tôi đã gửi thư đến ${email}.`).isVisible()).toBe(true);
    // The account opens through the mailed link, which signs the person in.
    await page.goto(await mailedConfirmationPath(email));
    await page.getByRole("button", { name: "Xác nhận và đăng nhập" }).click();
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
    const user = await makeUser({ accountType: "researcher" });
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
      .poll(async () => (await readMailbox(inject("mailbox"))).find((message) => message.to.includes(user.email)), {
        timeout: 20_000,
      })
      .toBeTruthy()
      .then(async () => (await readMailbox(inject("mailbox"))).find((message) => message.to.includes(user.email))!);
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
    const user = await makeUser({ accountType: "business" });
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

  test("repeated wrong passwords for one account from one address get 429 there; the owner elsewhere still signs in", async () => {
    const user = await makeUser();
    const guesser = httpClient(); // one address throughout
    const responses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      const response = await guesser.post("/login", { email: user.email, password: `guess number ${attempt}` });
      responses.push(response.status);
    }
    expect(responses.slice(0, 10)).toEqual(Array(10).fill(400));
    expect(responses.slice(10)).toEqual([429, 429]);
    const blocked = await guesser.post("/login", { email: user.email, password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await blocked.text()).toContain("Quá nhiều lần thử");
    expect(await portalDb().session.count({ where: { userId: user.id } })).toBe(0);

    // The owner, from another address, is not locked out.
    expect((await httpClient().post("/login", { email: user.email, password: PASSWORD })).status).toBe(302);
  });

  test("a plain HTTP sign-in gets the same cookie flags; the honeypot stops bots", async () => {
    const user = await makeUser();
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

describe("nothing tells which e-mails have accounts", () => {
  /** The page's HTML with what differs between any two answers (the nonce, the e-mail typed) taken out. */
  const normalized = (html: string, email: string) =>
    html.replaceAll(email, "EMAIL").replace(/nonce="[^"]*"/g, 'nonce=""');
  const jobsFor = (email: string) =>
    portalDb().job.findMany({ where: { payload: { contains: `"email":"${email}"` } }, select: { kind: true } });
  const mailsTo = async (email: string) => (await readMailbox(inject("mailbox"))).filter((mail) => mail.to === email);

  test("sign-up answers alike for a new and a taken e-mail, queues one job for each, and mails each what happened", async () => {
    const taken = await makeUser({ accountType: "researcher", name: "Chủ tài khoản" });
    await portalDb().user.update({ where: { id: taken.id }, data: { locale: "en" } }); // the owner reads English
    const fresh = `moi.${crypto.randomBytes(3).toString("hex")}@example.vn`;
    const form = (email: string) => ({
      accountType: "business",
      name: "Người đăng ký",
      email,
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
      website_confirm: "",
    });

    const answers: { status: number; html: string }[] = [];
    for (const email of [fresh, taken.email]) {
      const response = await httpClient().post("/signup", form(email));
      answers.push({ status: response.status, html: normalized(await response.text(), email) });
      // While the request was open: one job, the sign-up's, and nothing else for this address.
      expect(await jobsFor(email)).toEqual([{ kind: "sign-up" }]);
    }
    expect(answers[0]!.status).toBe(200);
    expect(answers[1]!.status).toBe(200);
    expect(answers[0]!.html).toBe(answers[1]!.html);
    expect(answers[0]!.html).toContain("Chúng tôi đã gửi thư đến EMAIL.");

    // The new address gets a confirmation link (in the language it signed up in); the account waits for it.
    const confirmPath = await mailedConfirmationPath(fresh);
    expect((await mailsTo(fresh)).at(-1)!.subject).toBe("Xác nhận tài khoản mới của bạn");
    expect((await portalDb().user.findUniqueOrThrow({ where: { email: fresh } })).confirmedAt).toBeNull();
    // The owner is told, in English, with where to sign in and reset; their account is untouched.
    await expect.poll(async () => (await mailsTo(taken.email)).length, { timeout: 20_000 }).toBe(1);
    const note = (await mailsTo(taken.email))[0]!;
    expect(note.subject).toBe("You already have an account");
    expect(note.text).toMatch(/\/login\b/);
    expect(note.text).toMatch(/\/forgot-password\b/);
    const owner = await portalDb().user.findUniqueOrThrow({ where: { id: taken.id } });
    expect(owner.passwordHash).toBe(taken.passwordHash);
    expect(owner.name).toBe("Chủ tài khoản");
    expect(await portalDb().signUpConfirmation.count({ where: { userId: taken.id } })).toBe(0);

    // Before confirming, sign-in says so only to whoever knows the password, and offers a new link.
    const client = httpClient();
    const wrong = await client.post("/login", { email: fresh, password: "not the password at all" });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("E-mail hoặc mật khẩu không đúng.");
    const early = await client.post("/login", { email: fresh, password: NEW_PASSWORD });
    expect(early.status).toBe(403);
    expect(early.headers.get("set-cookie")).toBeNull();
    const earlyPage = await early.text();
    expect(earlyPage).toContain("Tài khoản này chưa được xác nhận");
    expect(earlyPage).toContain(`/confirm?email=${encodeURIComponent(fresh)}`);
    const resend = await client.post("/confirm", { intent: "resend", email: fresh, website_confirm: "" });
    expect(resend.status).toBe(200);
    const newest = await mailedConfirmationPath(fresh, { count: 2 });
    expect(newest).not.toBe(confirmPath);

    // The link signs in once; then the account is confirmed and signs in with its password.
    const confirmed = await confirmThroughMailbox(fresh, newest);
    expect(confirmed.status).toBe(302);
    expect(confirmed.location).toBe("/requests/new");
    expect((await httpClient({ cookie: confirmed.cookie! }).get("/account")).status).toBe(200);
    expect((await confirmThroughMailbox(fresh, newest)).status).toBe(400);
    expect((await confirmThroughMailbox(fresh, confirmPath)).status).toBe(400); // the older link went with it
    expect((await httpClient().post("/login", { email: fresh, password: NEW_PASSWORD })).status).toBe(302);
  });

  test("a reset asked for a known and an unknown e-mail answers alike and queues one job either way", async () => {
    const known = await makeUser();
    const unknown = `khong-co.${crypto.randomBytes(3).toString("hex")}@example.vn`;
    const answers: string[] = [];
    for (const email of [known.email, unknown]) {
      const response = await httpClient().post("/forgot-password", { email, website_confirm: "" });
      expect(response.status).toBe(200);
      answers.push(normalized(await response.text(), email));
      expect(await jobsFor(email)).toEqual([{ kind: "password-reset" }]);
    }
    expect(answers[0]).toBe(answers[1]);
    // The job mails the known address only.
    await expect.poll(async () => (await mailsTo(known.email)).length, { timeout: 20_000 }).toBe(1);
    expect(await mailsTo(unknown)).toEqual([]);
  });
});

async function sessionCookieHeader(page: Page) {
  const cookie = await sessionToken(page);
  return cookie ? `${SESSION_COOKIE}=${cookie.value}` : null;
}
