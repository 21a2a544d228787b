import fs from "node:fs";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { deliverMail } from "~/models/mail.server";
import { postMessageInTransaction } from "~/models/conversation.server";
import { createResponseInTransaction, moveResponse } from "~/models/response.server";
import { write } from "~/models/write.server";
import { prisma } from "~/db/client.server";
import { readMailbox } from "../mailbox";
import { runDir } from "./run-dir";

/**
 * Mails as they reach the local mailbox: built by nodemailer as multipart
 * text + HTML, read back with a real MIME parser. The proposal, its acceptance
 * and a message go through the model functions, as the pages call them.
 */

const mailbox = path.join(runDir(), `mail-${process.pid}.mbox`);
process.env.MAILBOX_FILE = mailbox;
process.env.APP_URL = "https://portal.example";
afterAll(() => fs.rmSync(mailbox, { force: true }));

const HOSTILE = "<script>alert(1)</script>";

async function deliverAll() {
  const queued = await prisma.mailMessage.findMany({
    where: { sentAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  for (const { id } of queued) await deliverMail(id);
}

test("a proposal, its acceptance and a message are mailed as text and HTML with their words and the exact link", async () => {
  const stamp = Date.now().toString(36);
  const company = await prisma.user.create({
    data: { email: `company-${stamp}@example.vn`, name: "Công ty Đông Á", passwordHash: "x", accountType: "business" },
  });
  const scientist = await prisma.user.create({
    data: {
      email: `scientist-${stamp}@example.vn`,
      name: `Bình ${HOSTILE}`,
      passwordHash: "x",
      accountType: "researcher",
    },
  });
  await prisma.expertProfile.create({
    data: { userId: scientist.id, slug: `binh-${stamp}`, fullName: `Bình ${HOSTILE}`, status: "published" },
  });
  const request = await prisma.techRequest.create({
    data: {
      authorId: company.id,
      companyName: "Đông Á",
      sector: "agriculture",
      companySize: "small",
      title: "Tưới tiêu thông minh",
      problem: "Ruộng lúa thiếu nước",
      desiredOutcome: "Tiết kiệm nước",
      trl: 4,
      budget: "under_100m",
      deadline: new Date(Date.now() + 30 * 86_400_000),
      status: "open",
    },
  });

  const response = await write((tx, effects) =>
    createResponseInTransaction(
      request.id,
      scientist,
      { approach: `Cảm biến độ ẩm ${HOSTILE}`, experience: "10 năm", timeline: "3 tháng" },
      tx,
      effects,
    ),
  );
  await moveResponse(request.id, company.id, { responseId: response.id, status: "shortlisted", declineReason: null });
  const matchId = await moveResponse(request.id, company.id, {
    responseId: response.id,
    status: "accepted",
    declineReason: null,
  });
  expect(matchId).toBeTruthy();
  await write((tx, effects) =>
    postMessageInTransaction(matchId!, company.id, `Chào anh ${HOSTILE}, hẹn gặp thứ Hai?`, tx, effects),
  );
  await deliverAll();

  const mails = await readMailbox(mailbox);
  const toCompany = mails.filter((mail) => mail.to === company.email);
  const toScientist = mails.filter((mail) => mail.to === scientist.email);

  // The company: who proposed, what, and the request's responses section.
  const proposal = toCompany.find((mail) => /đã gửi đề xuất/.test(mail.subject))!;
  expect(proposal.contentType).toBe("multipart/alternative");
  expect(proposal.subject).toBe(`Bình ${HOSTILE} đã gửi đề xuất cho “Tưới tiêu thông minh” · HIN`);
  expect(proposal.text).toContain(`> Cảm biến độ ẩm ${HOSTILE}`);
  expect(proposal.html).toContain("Cảm biến độ ẩm &lt;script&gt;alert(1)&lt;/script&gt;");
  expect(proposal.html).not.toContain("<script>");
  expect(proposal.links[0]).toBe(`https://portal.example/requests/${request.id}#responses`);

  // The scientist: "được chấp nhận" leads to the conversation; the message carries its words.
  const accepted = toScientist.find((mail) => /được chấp nhận/.test(mail.subject))!;
  expect(accepted.contentType).toBe("multipart/alternative");
  expect(accepted.subject).toBe("Đề xuất của bạn cho “Tưới tiêu thông minh” đã được chấp nhận · HIN");
  expect(accepted.links[0]).toBe(`https://portal.example/messages/${matchId}`);
  expect(accepted.text).toContain(`Mở cuộc trao đổi: https://portal.example/messages/${matchId}`);
  const message = toScientist.find((mail) => /Tin nhắn mới/.test(mail.subject))!;
  expect(message.text).toContain(`Công ty Đông Á viết:\n> Chào anh ${HOSTILE}, hẹn gặp thứ Hai?`);
  expect(message.html).toContain("Chào anh &lt;script&gt;");
  expect(message.links[0]).toBe(`https://portal.example/messages/${matchId}`);

  // The in-app notice of the acceptance leads there too.
  const notice = await prisma.notification.findFirstOrThrow({
    where: { userId: scientist.id, data: { contains: "notify.responseMoved.accepted" } },
  });
  expect(notice.url).toBe(`/messages/${matchId}`);

  // The raw message came from nodemailer: encoded subject, both parts, one Message-ID per mail.
  expect(accepted.raw).toMatch(/^Subject: =\?UTF-8\?/m);
  expect(accepted.raw).toMatch(/^Content-Type: text\/plain; charset=utf-8/m);
  expect(accepted.raw).toMatch(/^Content-Type: text\/html; charset=utf-8/m);
});

test("a delivery repeated after a crash sends the same message again, and a delivered mail is not sent twice", async () => {
  const user = await prisma.user.create({
    data: {
      email: `again-${Date.now().toString(36)}@example.vn`,
      name: "From Nội",
      passwordHash: "x",
      accountType: "researcher",
    },
  });
  // A body line starting with "From " must survive the mbox.
  const mail = await prisma.mailMessage.create({
    data: { to: user.email, subject: "Thử", text: "From here on\nhết", html: null },
  });
  await deliverMail(mail.id);
  await deliverMail(mail.id);
  const received = (await readMailbox(mailbox)).filter((message) => message.to === user.email);
  expect(received).toHaveLength(1);
  expect(received[0]!.text).toBe("From here on\nhết");
  expect(received[0]!.contentType).toBe("text/plain");
});
