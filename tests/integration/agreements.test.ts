import { beforeAll, describe, expect, test } from "vitest";
import { addDays, hanoiToday } from "~/domain/booking";
import {
  AgreementError,
  agreementsForConversation,
  agreementsOfMember,
  recordAgreement,
  takeAgreementStep,
} from "~/models/agreement.server";
import { prisma } from "~/db/client.server";
import type { AgreementInput } from "~/validation/agreement";
import { hex, makeConversation, makeOffer, makeOrganization, makeUser } from "../factories";

/**
 * Agreements against a real database (docs/decisions/074): who may record, confirm,
 * dispute and withdraw; the signing day's bounds; a step taken once however often it is
 * sent; the licensed mark; and that the private values go to the two sides only.
 */
const today = hanoiToday();
const key = () => `agreement-key-${hex()}${hex()}`;
const NOTE = `private-note-${hex()}`;

let starter: { id: string; email: string };
let managerA: { id: string; email: string };
let managerB: { id: string; email: string };
let outsider: { id: string };
let organizationId: string;

beforeAll(async () => {
  starter = await makeUser({ label: "startup", password: null });
  managerA = await makeUser({ label: "lab-a", password: null });
  managerB = await makeUser({ label: "lab-b", password: null });
  outsider = await makeUser({ label: "outsider", password: null });
  organizationId = (await makeOrganization({ label: "agreement-lab" })).id;
  await prisma.organizationManager.createMany({
    data: [
      { userId: managerA.id, organizationId },
      { userId: managerB.id, organizationId },
    ],
  });
});

const input = (data: Partial<AgreementInput> = {}): AgreementInput => ({
  type: "research_contract",
  signedOn: today,
  valueRange: "500m_2b",
  note: NOTE,
  licensesOffer: false,
  ...data,
});

const inquiry = (data: { offerId?: string; createdAt?: Date } = {}) =>
  makeConversation({ kind: "inquiry", starterId: starter.id, owner: { organizationId }, ...data });

/** The agreement's id, from the address recording leads to. */
async function record(conversationId: string, userId = starter.id, data: Partial<AgreementInput> = {}) {
  const url = await recordAgreement(conversationId, userId, input(data), key());
  return url.split("#agreement-")[1]!;
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (error instanceof AgreementError) return error.problem;
  if (error instanceof Response) return error.status;
  throw error ?? new Error("not refused");
}

describe("recording an agreement", () => {
  test("waits for the other side, tells every manager of the team, and says nothing private in the mail", async () => {
    const conversation = await inquiry();
    const id = await record(conversation.id);
    const row = await prisma.agreement.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "pending", recordedById: starter.id, note: NOTE, valueRange: "500m_2b" });
    const notices = await prisma.notification.findMany({
      where: { type: "agreement", url: { contains: conversation.id } },
    });
    expect(notices.map((notice) => notice.userId).sort()).toEqual([managerA.id, managerB.id].sort());
    const mails = await prisma.mailMessage.findMany({ where: { to: { in: [managerA.email, managerB.email] } } });
    for (const mail of mails) {
      expect(mail.text).not.toContain(NOTE);
      expect(mail.html ?? "").not.toContain(NOTE);
      expect(mail.text).toContain(`/messages/${conversation.id}`);
    }
    // The thread tells its story: one recorded step.
    expect(
      await prisma.message.count({ where: { conversationId: conversation.id, event: "agreement.event.recorded" } }),
    ).toBe(1);
  });

  test("is written once for one form key", async () => {
    const conversation = await inquiry();
    const formKey = key();
    const [a, b] = await Promise.all([
      recordAgreement(conversation.id, starter.id, input(), formKey),
      recordAgreement(conversation.id, starter.id, input(), formKey),
    ]);
    expect(a).toBe(b);
    expect(await prisma.agreement.count({ where: { conversationId: conversation.id } })).toBe(1);
  });

  test("is refused before the conversation began, in the future, and to anyone outside it", async () => {
    const conversation = await inquiry({ createdAt: new Date(`${addDays(today, -10)}T03:00:00Z`) });
    expect(await refusal(record(conversation.id, starter.id, { signedOn: addDays(today, -11) }))).toBe(
      "beforeConversation",
    );
    expect(await refusal(record(conversation.id, starter.id, { signedOn: addDays(today, 1) }))).toBe("future");
    expect(await record(conversation.id, starter.id, { signedOn: addDays(today, -10) })).toBeTruthy();
    expect(await refusal(record(conversation.id, outsider.id))).toBe(404);
    expect(await prisma.agreement.count({ where: { conversationId: conversation.id } })).toBe(1);
  });

  test("is not taken in a response's conversation (it becomes a match first)", async () => {
    const conversation = await prisma.conversation.create({
      data: { kind: "response", subject: "Đề xuất", starterId: starter.id, ownerUserId: managerA.id },
    });
    expect(await refusal(record(conversation.id))).toBe(404);
  });
});

describe("confirming an agreement", () => {
  test("is the other side's: the recorder and outsiders are refused, a second confirmation changes nothing", async () => {
    const conversation = await inquiry();
    const id = await record(conversation.id);
    expect(await refusal(takeAgreementStep(conversation.id, id, starter.id, "confirm"))).toBe("notYours");
    expect(await refusal(takeAgreementStep(conversation.id, id, outsider.id, "confirm"))).toBe(404);
    await takeAgreementStep(conversation.id, id, managerB.id, "confirm");
    expect(await refusal(takeAgreementStep(conversation.id, id, managerA.id, "confirm"))).toBe("wrongStatus");
    expect(await refusal(takeAgreementStep(conversation.id, id, managerA.id, "dispute"))).toBe("wrongStatus");
    const row = await prisma.agreement.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "confirmed", confirmedById: managerB.id });
    expect(
      await prisma.message.count({ where: { conversationId: conversation.id, event: "agreement.event.confirmed" } }),
    ).toBe(1);
    expect(await prisma.notification.count({ where: { userId: starter.id, type: "agreement" } })).toBeGreaterThan(0);
  });

  test("races: of two confirmations at once one wins", async () => {
    const conversation = await inquiry();
    const id = await record(conversation.id);
    const results = await Promise.allSettled([
      takeAgreementStep(conversation.id, id, managerA.id, "confirm"),
      takeAgreementStep(conversation.id, id, managerB.id, "confirm"),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(
      await prisma.message.count({ where: { conversationId: conversation.id, event: "agreement.event.confirmed" } }),
    ).toBe(1);
  });

  test("a team's colleague of the recorder cannot confirm it; the other side can dispute it", async () => {
    const conversation = await inquiry();
    const id = await record(conversation.id, managerA.id);
    expect(await refusal(takeAgreementStep(conversation.id, id, managerB.id, "confirm"))).toBe("notYours");
    expect(await refusal(takeAgreementStep(conversation.id, id, managerB.id, "withdraw"))).toBe("notYours");
    await takeAgreementStep(conversation.id, id, starter.id, "dispute");
    expect((await prisma.agreement.findUniqueOrThrow({ where: { id } })).status).toBe("disputed");
  });

  test("the recorder withdraws it while it waits, not after", async () => {
    const conversation = await inquiry();
    const id = await record(conversation.id);
    expect(await refusal(takeAgreementStep(conversation.id, id, managerA.id, "withdraw"))).toBe("notYours");
    await takeAgreementStep(conversation.id, id, starter.id, "withdraw");
    expect((await prisma.agreement.findUniqueOrThrow({ where: { id } })).status).toBe("withdrawn");
    expect(await refusal(takeAgreementStep(conversation.id, id, managerA.id, "confirm"))).toBe("wrongStatus");
  });

  test("an agreement id from another conversation is not found", async () => {
    const one = await inquiry();
    const other = await inquiry();
    const id = await record(one.id);
    expect(await refusal(takeAgreementStep(other.id, id, managerA.id, "confirm"))).toBe(404);
  });
});

describe("a licence of a technology", () => {
  test("marks the offer licensed once confirmed, and only a licence or transfer may be tied to it", async () => {
    const technology = await makeOffer({ type: "technology", nameVi: `Công nghệ ${hex()}`, organizationId });
    const conversation = await inquiry({ offerId: technology.id });
    expect(await refusal(record(conversation.id, starter.id, { type: "consulting", licensesOffer: true }))).toBe(
      "notLicensing",
    );
    const id = await record(conversation.id, starter.id, { type: "licence", licensesOffer: true });
    expect((await prisma.offer.findUniqueOrThrow({ where: { id: technology.id } })).licensedAt).toBeNull();
    await takeAgreementStep(conversation.id, id, managerA.id, "confirm");
    expect((await prisma.offer.findUniqueOrThrow({ where: { id: technology.id } })).licensedAt).not.toBeNull();
  });

  test("cannot be ticked in a conversation about no technology", async () => {
    const conversation = await inquiry();
    expect(await refusal(record(conversation.id, starter.id, { type: "licence", licensesOffer: true }))).toBe(
      "notLicensing",
    );
  });
});

describe("the lists", () => {
  test("show each side its agreements and their steps, and nobody else anything", async () => {
    const conversation = await inquiry();
    const id = await record(conversation.id);
    const base = { id: conversation.id, kind: "inquiry", starterId: starter.id };
    const mine = await agreementsForConversation({ ...base, side: "starter" }, starter.id, false);
    expect(mine?.[0]).toMatchObject({ id, mine: true, steps: ["withdraw"], note: NOTE });
    const theirs = await agreementsForConversation({ ...base, side: "owner" }, managerA.id, false);
    expect(theirs?.[0]).toMatchObject({ id, mine: false, steps: ["confirm", "dispute"] });
    expect((await agreementsOfMember(starter.id)).some((row) => row.id === id && row.recordedByMe)).toBe(true);
    expect((await agreementsOfMember(managerB.id)).some((row) => row.id === id && !row.recordedByMe)).toBe(true);
    expect(await agreementsOfMember(outsider.id)).toEqual([]);
  });
});
