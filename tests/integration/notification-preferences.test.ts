import { describe, expect, test } from "vitest";
import { notify, notifyOfficials } from "~/models/notification.server";
import {
  applyUnsubscribe,
  describeUnsubscribe,
  notificationSettings,
  saveNotificationSettings,
} from "~/models/notification-preferences.server";
import { readUnsubscribeToken, unsubscribeToken } from "~/models/unsubscribe.server";
import { createUser } from "~/models/user.server";
import { runSignUp } from "~/models/sign-up.server";
import { sendPasswordReset } from "~/models/user.server";
import { write } from "~/models/write.server";
import { prisma } from "~/db/client.server";
import type { Channel, NotificationType } from "~/domain/notification-preferences";
import { makeUser } from "../factories";

/**
 * How a member's channel for each kind decides what notify() writes and mails, the signed
 * unsubscribe links, and what applying one changes: on a real SQLite file.
 */

process.env.APP_URL = "https://portal.example";

async function setChannel(userId: string, type: NotificationType, channel: Channel) {
  await prisma.notificationPreference.upsert({
    where: { userId_type: { userId, type } },
    create: { userId, type, channel },
    update: { channel },
  });
}

async function notifyOne(userId: string, type: NotificationType = "message") {
  await write((tx, effects) =>
    notify({ userId, type, key: "notify.message", params: { name: "Lan" }, url: "/messages" }, tx, effects),
  );
}

async function outcome(userId: string, email: string) {
  return {
    rows: await prisma.notification.count({ where: { userId } }),
    mails: await prisma.mailMessage.findMany({ where: { to: email } }),
  };
}

describe("notify() and the member's channel", () => {
  test("email (no row, the default) writes the notification and a mail with the unsubscribe headers and footer", async () => {
    const user = await makeUser();
    await notifyOne(user.id);
    const { rows, mails } = await outcome(user.id, user.email);
    expect(rows).toBe(1);
    expect(mails).toHaveLength(1);
    const headers = JSON.parse(mails[0]!.headers!) as Record<string, string>;
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const url = /^<(https:\/\/portal\.example\/unsubscribe\/([^>]+))>$/.exec(headers["List-Unsubscribe"]!);
    expect(url).not.toBeNull();
    expect(await readUnsubscribeToken(url![2]!)).toEqual({
      userId: user.id,
      scope: { kind: "type", type: "message" },
    });
    expect(mails[0]!.text).toContain(`Ngừng nhận loại thư này: ${url![1]}`);
    expect(mails[0]!.html).toContain(`href="${url![1]}"`);
  });

  test.each(["in_app", "digest"] as const)("%s writes the notification and no mail", async (channel) => {
    const user = await makeUser();
    await setChannel(user.id, "message", channel);
    await notifyOne(user.id);
    expect(await outcome(user.id, user.email)).toEqual({ rows: 1, mails: [] });
  });

  test("off writes neither; another kind still mails", async () => {
    const user = await makeUser();
    await setChannel(user.id, "message", "off");
    await notifyOne(user.id, "message");
    expect(await outcome(user.id, user.email)).toEqual({ rows: 0, mails: [] });
    await notifyOne(user.id, "status");
    const after = await outcome(user.id, user.email);
    expect(after.rows).toBe(1);
    expect(after.mails).toHaveLength(1);
  });

  test("notifyOfficials honours each official's own channel", async () => {
    const quiet = await makeUser({ role: "curator" });
    const loud = await makeUser({ role: "admin" });
    await setChannel(quiet.id, "review", "in_app");
    await write((tx, effects) =>
      notifyOfficials(
        { type: "review", key: "notify.message", params: { name: "x" }, url: "/admin/queue" },
        tx,
        effects,
      ),
    );
    expect((await outcome(quiet.id, quiet.email)).mails).toHaveLength(0);
    expect((await outcome(loud.id, loud.email)).mails).toHaveLength(1);
  });
});

describe("account and security mail carries no unsubscribe link", () => {
  test("welcome, confirm sign-up, existing account and password reset", async () => {
    const stamp = Date.now().toString(36);
    const welcomed = await createUser({
      email: `welcome-${stamp}@example.vn`,
      name: "Lan",
      password: "mot-mat-khau-dai-du",
      accountType: "business",
      locale: "vi",
    });
    await sendPasswordReset(welcomed.email);
    await prisma.user.update({ where: { id: welcomed.id }, data: { confirmedAt: new Date() } });
    const payload = { name: "Lan", passwordHash: "x", accountType: "business", locale: "vi", redirectTo: null };
    await runSignUp({ ...payload, email: welcomed.email }); // existing account
    await runSignUp({ ...payload, email: `new-${stamp}@example.vn` }); // confirm sign-up
    const mails = await prisma.mailMessage.findMany({
      where: { to: { in: [welcomed.email, `new-${stamp}@example.vn`] } },
    });
    expect(mails).toHaveLength(4);
    for (const mail of mails) {
      expect(mail.headers).toBeNull();
      expect(mail.text).not.toContain("/unsubscribe/");
      expect(mail.html).not.toContain("/unsubscribe/");
    }
  });
});

describe("unsubscribe links", () => {
  test("a tampered user id, scope or signature, or an unknown kind, reads as nothing", async () => {
    const a = await makeUser();
    const b = await makeUser();
    const token = await unsubscribeToken(a.id, { kind: "type", type: "message" });
    const [, scope, signature] = token.split(".");
    expect(await readUnsubscribeToken(token)).not.toBeNull();
    expect(await readUnsubscribeToken(`${b.id}.${scope}.${signature}`)).toBeNull();
    expect(await readUnsubscribeToken(`${a.id}.digest.${signature}`)).toBeNull();
    expect(await readUnsubscribeToken(`${token}x`)).toBeNull();
    // Node's base64 decoder would skip a stray character; the text comparison does not.
    expect(
      await readUnsubscribeToken(`${a.id}.${scope}.${signature!.slice(0, -1)}!${signature!.slice(-1)}`),
    ).toBeNull();
    expect(await readUnsubscribeToken("garbage")).toBeNull();
    expect(
      await readUnsubscribeToken(await unsubscribeToken(a.id, { kind: "type", type: "nope" as never })),
    ).toBeNull();
    expect(await applyUnsubscribe(`${b.id}.${scope}.${signature}`)).toBeNull();
    expect(await prisma.notificationPreference.count({ where: { userId: b.id } })).toBe(0);
  });

  test("a kind's link sets it to in_app (email and digest alike), leaves off alone, and is idempotent", async () => {
    const user = await makeUser();
    const token = await unsubscribeToken(user.id, { kind: "type", type: "message" });
    expect(await describeUnsubscribe(token)).toEqual({ kind: "type", type: "message" });
    // Describing changes nothing.
    expect((await notificationSettings(user.id)).channels.message).toBe("email");
    await applyUnsubscribe(token);
    await applyUnsubscribe(token);
    expect((await notificationSettings(user.id)).channels.message).toBe("in_app");

    await setChannel(user.id, "status", "digest");
    await applyUnsubscribe(await unsubscribeToken(user.id, { kind: "type", type: "status" }));
    expect((await notificationSettings(user.id)).channels.status).toBe("in_app");

    await setChannel(user.id, "review", "off");
    await applyUnsubscribe(await unsubscribeToken(user.id, { kind: "type", type: "review" }));
    expect((await notificationSettings(user.id)).channels.review).toBe("off");
  });

  test("the digest link turns the digest off; a saved search's link deletes only its owner's search", async () => {
    const owner = await makeUser();
    const other = await makeUser();
    await applyUnsubscribe(await unsubscribeToken(owner.id, { kind: "digest" }));
    expect((await notificationSettings(owner.id)).weeklyDigest).toBe(false);

    const search = await prisma.savedSearch.create({
      data: { userId: other.id, list: "experts", query: "q=pin", label: "Pin mặt trời" },
    });
    // owner's token naming other's search: signed, but deletes nothing of someone else.
    await applyUnsubscribe(await unsubscribeToken(owner.id, { kind: "search", id: search.id }));
    expect(await prisma.savedSearch.count({ where: { id: search.id } })).toBe(1);
    const token = await unsubscribeToken(other.id, { kind: "search", id: search.id });
    expect(await describeUnsubscribe(token)).toEqual({ kind: "search", label: "Pin mặt trời" });
    await applyUnsubscribe(token);
    expect(await prisma.savedSearch.count({ where: { id: search.id } })).toBe(0);
    expect(await applyUnsubscribe(token)).toEqual({ kind: "search", label: "" });
  });

  test("settings save every kind at once, the default as no row", async () => {
    const user = await makeUser();
    const settings = await notificationSettings(user.id);
    await saveNotificationSettings(user.id, {
      channels: { ...settings.channels, message: "off", alert: "digest" },
      weeklyDigest: false,
    });
    expect(await notificationSettings(user.id)).toEqual({
      channels: { ...settings.channels, message: "off", alert: "digest" },
      weeklyDigest: false,
    });
    await saveNotificationSettings(user.id, settings);
    expect(await prisma.notificationPreference.count({ where: { userId: user.id } })).toBe(0);
  });
});
