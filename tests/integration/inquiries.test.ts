import { describe, expect, test } from "vitest";
import {
  blockStarter,
  countUnreadConversations,
  postMessageInTransaction,
  SenderBlocked,
  startConversation,
  unblockStarter,
} from "~/models/conversation.server";
import { sendInquiry } from "~/models/inquiry.server";
import { MIN_CONVERSATIONS, responsivenessOf, shownResponsiveness, type Owner } from "~/models/responsiveness.server";
import { write } from "~/models/write.server";
import { prisma } from "~/db/client.server";
import { hex, makeOffer, makeOrganization, makeUser } from "../factories";

/**
 * Inquiries, blocks and the responsiveness figures, through the model functions the
 * pages call, on a real SQLite file.
 */

const HOUR = 3_600_000;
const NOW = Date.now();
const ago = (ms: number) => new Date(NOW - ms);

async function managedOrganization(managers = 2) {
  const organization = await makeOrganization({ label: "inquiry" });
  const people = [];
  for (let i = 0; i < managers; i++) {
    const user = await makeUser({ label: `manager${i}` });
    await prisma.organizationManager.create({ data: { userId: user.id, organizationId: organization.id } });
    people.push(user);
  }
  return { organization, managers: people };
}

/** A conversation started at `startedAt`, with messages at offsets (ms) after it. */
async function thread(
  owner: { organizationId: string } | { ownerUserId: string },
  starterId: string,
  startedAt: Date,
  messages: { by: string; after: number }[],
  kind = "inquiry",
) {
  const conversation = await prisma.conversation.create({
    data: { kind, subject: "Fixture", starterId, ...owner, createdAt: startedAt, lastMessageAt: startedAt },
  });
  await prisma.message.create({
    data: { conversationId: conversation.id, senderId: starterId, body: "Hello", createdAt: startedAt },
  });
  for (const message of messages)
    await prisma.message.create({
      data: {
        conversationId: conversation.id,
        senderId: message.by,
        body: "Reply",
        createdAt: new Date(startedAt.getTime() + message.after),
      },
    });
  return conversation;
}

describe("responsiveness", () => {
  test("share answered and median first reply, over 12 months, any manager's reply, not the starter's follow-ups", async () => {
    const { organization, managers } = await managedOrganization(2);
    const [a, b] = managers;
    const starter = await makeUser({ label: "starter" });
    const owner = { organizationId: organization.id };
    // First replies after 1 h (manager a), 3 h (b; the starter's own follow-up at 30 min is no
    // reply), 6 h (a), 10 h (b, before a's) and none (the starter's follow-ups only).
    await thread(owner, starter.id, ago(30 * 24 * HOUR), [{ by: a!.id, after: 1 * HOUR }]);
    await thread(owner, starter.id, ago(20 * 24 * HOUR), [
      { by: starter.id, after: HOUR / 2 },
      { by: b!.id, after: 3 * HOUR },
      { by: a!.id, after: 4 * HOUR },
    ]);
    await thread(owner, starter.id, ago(10 * 24 * HOUR), [{ by: a!.id, after: 6 * HOUR }]);
    await thread(owner, starter.id, ago(5 * 24 * HOUR), [
      { by: b!.id, after: 10 * HOUR },
      { by: a!.id, after: 2 * HOUR + 10 * HOUR },
    ]);
    await thread(owner, starter.id, ago(2 * 24 * HOUR), [
      { by: starter.id, after: HOUR },
      { by: starter.id, after: 2 * HOUR },
    ]);
    // Outside the window, and a match's thread: neither counts.
    await thread(owner, starter.id, ago(400 * 24 * HOUR), [{ by: a!.id, after: 100 * HOUR }]);
    await thread(owner, starter.id, ago(3 * 24 * HOUR), [{ by: a!.id, after: 90 * HOUR }], "match");

    const figures = await responsivenessOf(owner);
    // Delays of the answered four: 1, 3, 6, 10 h → median (3 + 6) / 2 = 4.5 h.
    expect(figures).toEqual({ count: 5, answered: 4, medianMs: 4.5 * HOUR });
    expect(MIN_CONVERSATIONS).toBe(5);
    expect(await shownResponsiveness(owner)).toEqual(figures);
  });

  test("a booking request counts like an inquiry; a researcher's own figures; hidden below the minimum", async () => {
    const researcher = await makeUser({ label: "researcher", accountType: "researcher" });
    const starter = await makeUser({ label: "starter" });
    const owner: Owner = { userId: researcher.id };
    for (let i = 0; i < MIN_CONVERSATIONS - 1; i++)
      await thread({ ownerUserId: researcher.id }, starter.id, ago((i + 1) * 24 * HOUR), [
        { by: researcher.id, after: (i + 1) * HOUR },
      ]);
    expect(await responsivenessOf(owner)).toEqual({ count: 4, answered: 4, medianMs: 2.5 * HOUR });
    expect(await shownResponsiveness(owner)).toBeNull();
    await thread({ ownerUserId: researcher.id }, starter.id, ago(HOUR), [], "booking");
    expect(await shownResponsiveness(owner)).toEqual({ count: 5, answered: 4, medianMs: 2.5 * HOUR });
  });

  test("the 12-month window's edge: a day inside counts, a day outside does not", async () => {
    const researcher = await makeUser({ label: "researcher", accountType: "researcher" });
    const starter = await makeUser({ label: "starter" });
    const year = 365 * 24 * HOUR;
    await thread({ ownerUserId: researcher.id }, starter.id, ago(year - 24 * HOUR), [
      { by: researcher.id, after: HOUR },
    ]);
    await thread({ ownerUserId: researcher.id }, starter.id, ago(year + 24 * HOUR), [
      { by: researcher.id, after: HOUR },
    ]);
    expect((await responsivenessOf({ userId: researcher.id })).count).toBe(1);
  });
});

describe("inquiries", () => {
  test("open a conversation with the first message; every manager is notified and mailed once; a resent form sends once", async () => {
    const { organization, managers } = await managedOrganization(2);
    const sender = await makeUser({ label: "startup", name: `Startup ${hex()}` });
    const formKey = `key-${hex()}-${hex()}-${hex()}`;
    const target = { type: "organization", id: organization.id } as const;
    const first = await sendInquiry(target, sender, "Chúng tôi cần đo mẫu nước thải.", formKey);
    const again = await sendInquiry(target, sender, "Chúng tôi cần đo mẫu nước thải.", formKey);
    expect(first).toEqual(again);
    expect(first).toMatchObject({ ok: true });
    const conversations = await prisma.conversation.findMany({ where: { starterId: sender.id } });
    expect(conversations).toHaveLength(1);
    expect(conversations[0]).toMatchObject({ kind: "inquiry", organizationId: organization.id, ownerUserId: null });
    const messages = await prisma.message.findMany({ where: { conversationId: conversations[0]!.id } });
    expect(messages.map((message) => message.body)).toEqual(["Chúng tôi cần đo mẫu nước thải."]);
    for (const manager of managers) {
      const notes = await prisma.notification.findMany({ where: { userId: manager.id } });
      expect(notes).toHaveLength(1);
      expect(JSON.parse(notes[0]!.data)).toMatchObject({ key: "notify.inquiry", params: { name: sender.name } });
      const mails = await prisma.mailMessage.findMany({ where: { to: manager.email } });
      expect(mails).toHaveLength(1);
      // The mail says who wrote about what, and never carries the sender's address.
      expect(mails[0]!.text).toContain(sender.name);
      expect(mails[0]!.text).not.toContain(sender.email);
      expect(await countUnreadConversations(manager.id)).toBe(1);
    }
    // The sender's own first message leaves it read for them.
    expect(await countUnreadConversations(sender.id)).toBe(0);
  });

  test("one's own listing, a researcher who takes requests only, and a listing nobody manages are refused", async () => {
    const { organization, managers } = await managedOrganization(1);
    const own = await sendInquiry(
      { type: "organization", id: organization.id },
      managers[0]!,
      "Xin chào bạn nhé!",
      hex(),
    );
    expect(own).toEqual({ ok: false, state: "own" });
    const researcher = await makeUser({ label: "researcher", accountType: "researcher" });
    const expert = await prisma.expertProfile.create({
      data: {
        userId: researcher.id,
        slug: `closed-${hex()}`,
        fullName: "Closed",
        status: "published",
        inquiriesOpen: false,
      },
    });
    const sender = await makeUser();
    expect(await sendInquiry({ type: "expert", slug: expert.slug }, sender, "Xin chào bạn nhé!", hex())).toEqual({
      ok: false,
      state: "closed",
    });
    const orphan = await makeOrganization({ label: "orphan" });
    const offer = await makeOffer({ organizationId: orphan.id });
    expect(await sendInquiry({ type: "offer", id: offer.id }, sender, "Xin chào bạn nhé!", hex())).toEqual({
      ok: false,
      state: "unmanaged",
    });
    expect(await prisma.conversation.count({ where: { starterId: { in: [sender.id, managers[0]!.id] } } })).toBe(0);
  });
});

describe("blocking", () => {
  test("a blocked sender can neither start a conversation (any kind) nor post; nothing is written; unblocking lets them", async () => {
    const { organization, managers } = await managedOrganization(2);
    const [a, b] = managers;
    const sender = await makeUser({ label: "pest" });
    const target = { type: "organization", id: organization.id } as const;
    const sent = await sendInquiry(target, sender, "Tin nhắn đầu tiên.", hex());
    if (!sent || !sent.ok) throw new Error("not sent");
    const conversationId = sent.url.split("/").at(-1)!;
    // Only the owner side may block: the sender themself is told it does not exist.
    await expect(blockStarter(conversationId, sender.id)).rejects.toMatchObject({ status: 404 });
    await blockStarter(conversationId, a!.id);

    const before = {
      conversations: await prisma.conversation.count(),
      messages: await prisma.message.count(),
      notifications: await prisma.notification.count(),
    };
    await expect(sendInquiry(target, sender, "Lại là tôi đây.", hex())).rejects.toBeInstanceOf(SenderBlocked);
    await expect(
      write((tx, effects) => postMessageInTransaction(conversationId, sender.id, "Trả lời tôi đi.", tx, effects)),
    ).rejects.toBeInstanceOf(SenderBlocked);
    // A booking request (another kind, started by another engineer's code) is held by the same check.
    await expect(
      write((tx, effects) =>
        startConversation(
          { kind: "booking", subject: "SEM", starterId: sender.id, owner: { organizationId: organization.id } },
          tx,
          effects,
        ),
      ),
    ).rejects.toBeInstanceOf(SenderBlocked);
    expect({
      conversations: await prisma.conversation.count(),
      messages: await prisma.message.count(),
      notifications: await prisma.notification.count(),
    }).toEqual(before);
    const refusal = new SenderBlocked();
    expect(refusal.status).toBe(403);
    expect(await refusal.text()).not.toContain(organization.slug);

    // The owner side still writes; another manager (b) unblocks for the team.
    await write((tx, effects) => postMessageInTransaction(conversationId, b!.id, "Chúng tôi đã nhận.", tx, effects));
    await unblockStarter(conversationId, b!.id);
    await write((tx, effects) => postMessageInTransaction(conversationId, sender.id, "Cảm ơn.", tx, effects));
    expect(await prisma.message.count({ where: { conversationId } })).toBe(3);
  });

  test("a block is the owner side's: the same sender may still contact another listing", async () => {
    const first = await managedOrganization(1);
    const second = await managedOrganization(1);
    const sender = await makeUser();
    const sent = await sendInquiry({ type: "organization", id: first.organization.id }, sender, "Xin chào!!!", hex());
    if (!sent || !sent.ok) throw new Error("not sent");
    await blockStarter(sent.url.split("/").at(-1)!, first.managers[0]!.id);
    const other = await sendInquiry({ type: "organization", id: second.organization.id }, sender, "Xin chào!!!", hex());
    expect(other).toMatchObject({ ok: true });
  });
});
