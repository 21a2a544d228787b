import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { deliverMail } from "~/models/mail.server";
import { renewRequest } from "~/models/request.server";
import {
  DAY_MS,
  feedbackWindowEnd,
  hanoiDate,
  sendDeadlineReminders,
  sendFeedbackReminders,
} from "~/models/request-feedback.server";
import { createResponseInTransaction, InvalidMoveError, moveResponse } from "~/models/response.server";
import { write } from "~/models/write.server";
import { prisma } from "~/db/client.server";
import { hex, makeUser } from "../factories";
import { readMailbox } from "../mailbox";
import { runDir } from "./run-dir";

/**
 * The feedback clock through the model functions the job worker and the pages call, with
 * explicit `now` arguments: the deadline reminder, the feedback window and its reminders.
 */

const mailbox = path.join(runDir(), `feedback-${process.pid}.mbox`);
process.env.MAILBOX_FILE = mailbox;
process.env.APP_URL = "https://portal.example";
afterAll(() => fs.rmSync(mailbox, { force: true }));

async function deliverAll() {
  const queued = await prisma.mailMessage.findMany({ where: { sentAt: null }, select: { id: true } });
  for (const { id } of queued) await deliverMail(id);
}

const notificationsOf = (userId: string, key: string) =>
  prisma.notification.findMany({ where: { userId, data: { contains: `"${key}"` } } });

async function researcher() {
  const user = await makeUser({ label: "researcher", accountType: "researcher", password: null });
  await prisma.expertProfile.create({
    data: { userId: user.id, slug: `expert-${hex()}`, fullName: `Expert ${hex()}`, status: "published" },
  });
  return user;
}

/** An open request with the given deadline and `responses` proposals. */
async function requestWith(deadline: Date, responses: number) {
  const author = await makeUser({ label: "business", password: null });
  const request = await prisma.techRequest.create({
    data: {
      authorId: author.id,
      companyName: "Công ty Đông Á",
      sector: "manufacturing",
      companySize: "small",
      title: `Đặt hàng ${hex()}`,
      problem: "Vấn đề",
      desiredOutcome: "Kết quả",
      trl: 4,
      budget: "to_discuss",
      deadline,
      status: "open",
    },
  });
  const ids: string[] = [];
  for (let i = 0; i < responses; i++) {
    const user = await researcher();
    const response = await write((tx, effects) =>
      createResponseInTransaction(request.id, user, { approach: "A", experience: "B", timeline: "C" }, tx, effects),
    );
    ids.push(response.id);
  }
  return { author, request, responseIds: ids };
}

const expire = (id: string) => prisma.techRequest.update({ where: { id }, data: { status: "expired" } });

describe("deadline reminder", () => {
  test("fires once a week before the deadline, in a mail linking to the responses, and re-arms on renewal", async () => {
    const deadline = new Date("2031-03-20T10:00:00Z");
    const { author, request } = await requestWith(deadline, 2);
    const eightDaysBefore = new Date(deadline.getTime() - 8 * DAY_MS);
    const sixDaysBefore = new Date(deadline.getTime() - 6 * DAY_MS);

    await sendDeadlineReminders(eightDaysBefore);
    expect(await notificationsOf(author.id, "feedback.notify.deadlineSoon")).toHaveLength(0);
    // Two runs at once and a later run: one reminder.
    await Promise.all([sendDeadlineReminders(sixDaysBefore), sendDeadlineReminders(sixDaysBefore)]);
    await sendDeadlineReminders(new Date(deadline.getTime() - DAY_MS));
    expect(await notificationsOf(author.id, "feedback.notify.deadlineSoon")).toHaveLength(1);

    await deliverAll();
    const mails = (await readMailbox(mailbox)).filter(
      (mail) => mail.to === author.email && mail.subject.includes("hết hạn nhận đề xuất ngày"),
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain(`ngày ${hanoiDate(deadline)}; 2 đề xuất đang chờ bạn`);
    expect(mails[0]!.text).toContain(`đến ${hanoiDate(feedbackWindowEnd(deadline))}`);
    expect(mails[0]!.links).toContain(`https://portal.example/requests/${request.id}#responses`);

    // Renewed by a month: told again a week before the new deadline, not before.
    const renewed = new Date(deadline.getTime() + 30 * DAY_MS);
    await renewRequest(request.id, renewed);
    await sendDeadlineReminders(new Date(deadline.getTime() - DAY_MS));
    expect(await notificationsOf(author.id, "feedback.notify.deadlineSoon")).toHaveLength(1);
    await sendDeadlineReminders(new Date(renewed.getTime() - 5 * DAY_MS));
    expect(await notificationsOf(author.id, "feedback.notify.deadlineSoon")).toHaveLength(2);
  });
});

test("a reminder is not an edit: the request's last-change time stays as it was", async () => {
  const deadline = new Date("2031-05-20T10:00:00Z");
  const { request } = await requestWith(deadline, 1);
  const edited = (await prisma.techRequest.findUniqueOrThrow({ where: { id: request.id } })).updatedAt;

  expect(await sendDeadlineReminders(new Date(deadline.getTime() - 2 * DAY_MS))).toBeGreaterThanOrEqual(1);
  const afterDeadlineReminder = await prisma.techRequest.findUniqueOrThrow({ where: { id: request.id } });
  expect(afterDeadlineReminder.deadlineReminderAt).not.toBeNull();
  expect(afterDeadlineReminder.updatedAt).toEqual(edited);

  expect(await sendFeedbackReminders(new Date(deadline.getTime() + DAY_MS))).toBeGreaterThanOrEqual(1);
  const afterFeedbackReminder = await prisma.techRequest.findUniqueOrThrow({ where: { id: request.id } });
  expect(afterFeedbackReminder.feedbackReminderAt).not.toBeNull();
  expect(afterFeedbackReminder.updatedAt).toEqual(edited);
});

describe("feedback window", () => {
  test("an expired request takes decisions within the window, stamps feedbackAt once, and refuses after", async () => {
    const deadline = new Date(Date.now() - 3 * DAY_MS);
    const { author, request, responseIds } = await requestWith(deadline, 3);
    await expire(request.id);
    const [first, second, third] = responseIds as [string, string, string];

    await moveResponse(request.id, author.id, { responseId: first, status: "screening", declineReason: null });
    let row = await prisma.requestResponse.findUniqueOrThrow({ where: { id: first } });
    expect(row.feedbackAt).toBeNull(); // screening is no answer yet
    await moveResponse(request.id, author.id, { responseId: first, status: "shortlisted", declineReason: null });
    row = await prisma.requestResponse.findUniqueOrThrow({ where: { id: first } });
    const stamped = row.feedbackAt;
    expect(stamped).not.toBeNull();
    await moveResponse(request.id, author.id, { responseId: first, status: "accepted", declineReason: null });
    row = await prisma.requestResponse.findUniqueOrThrow({ where: { id: first } });
    expect(row.status).toBe("accepted");
    expect(row.feedbackAt).toEqual(stamped); // the first decision's time stays
    await moveResponse(request.id, author.id, { responseId: second, status: "declined", declineReason: "budget" });

    // After the window: refused, named as such, nothing written.
    await prisma.techRequest.update({
      where: { id: request.id },
      data: { deadline: new Date(Date.now() - 15 * DAY_MS) },
    });
    const refused = moveResponse(request.id, author.id, {
      responseId: third,
      status: "shortlisted",
      declineReason: null,
    });
    await expect(refused).rejects.toBeInstanceOf(InvalidMoveError);
    await expect(refused).rejects.toMatchObject({ reason: "windowClosed" });
    row = await prisma.requestResponse.findUniqueOrThrow({ where: { id: third } });
    expect(row).toMatchObject({ status: "submitted", feedbackAt: null });
  });

  test("the business is reminded when the window opens and three days before it closes, once each", async () => {
    const deadline = new Date("2031-05-10T10:00:00Z");
    const { author, request, responseIds } = await requestWith(deadline, 3);
    const at = (days: number) => new Date(deadline.getTime() + days * DAY_MS);

    await sendFeedbackReminders(at(-1)); // before the deadline: nothing
    await expire(request.id);
    await moveResponse(request.id, author.id, {
      responseId: responseIds[0]!,
      status: "declined",
      declineReason: "budget",
    });
    await Promise.all([sendFeedbackReminders(at(0.1)), sendFeedbackReminders(at(0.1))]);
    await sendFeedbackReminders(at(5));
    const opened = await notificationsOf(author.id, "feedback.notify.windowOpened");
    expect(opened).toHaveLength(1);
    expect(JSON.parse(opened[0]!.data).params).toMatchObject({ count: 2, windowEnd: hanoiDate(at(14)) });

    await sendFeedbackReminders(at(11.5));
    await sendFeedbackReminders(at(12));
    expect(await notificationsOf(author.id, "feedback.notify.lastCall")).toHaveLength(1);
    await sendFeedbackReminders(at(14.5)); // the window is over
    expect(await notificationsOf(author.id, "feedback.notify.lastCall")).toHaveLength(1);

    await deliverAll();
    const mails = (await readMailbox(mailbox)).filter((mail) => mail.to === author.email);
    const openedMail = mails.find((mail) => mail.text.includes("đang chờ bạn phản hồi trước"));
    expect(openedMail?.text).toContain(`2 đề xuất đang chờ bạn phản hồi trước ${hanoiDate(at(14))}`);
    expect(openedMail?.links).toContain(`https://portal.example/requests/${request.id}#responses`);
  });

  test("no feedback reminder once every response has an answer", async () => {
    const deadline = new Date("2031-07-01T10:00:00Z");
    const { author, request, responseIds } = await requestWith(deadline, 1);
    await expire(request.id);
    await moveResponse(request.id, author.id, {
      responseId: responseIds[0]!,
      status: "declined",
      declineReason: "budget",
    });
    await sendFeedbackReminders(new Date(deadline.getTime() + DAY_MS));
    expect(await notificationsOf(author.id, "feedback.notify.windowOpened")).toHaveLength(0);
  });
});
