import { expect, test } from "vitest";
import { prisma } from "~/db/client.server";
import { listConversationsOf, postMessageInTransaction } from "~/models/conversation.server";
import {
  acceptConfidentialityTerms,
  answerQuestion,
  askQuestion,
  confidentialFor,
  questionsOn,
} from "~/models/request-talk.server";
import { createResponseInTransaction, moveResponse, withdrawOwnResponse } from "~/models/response.server";
import { write } from "~/models/write.server";

/**
 * Issue 19 through the model functions the pages call: a response's conversation from
 * the first moment, continued as the match's; public questions; the confidential section.
 */

let n = 0;
async function people(visibility: "public" | "anonymous" = "anonymous") {
  const stamp = `${Date.now().toString(36)}${n++}`;
  const company = await prisma.user.create({
    data: {
      email: `ceo-${stamp}@dong-a.vn`,
      name: `Giám đốc Trần ${stamp}`,
      passwordHash: "x",
      locale: "vi",
      accountType: "business",
    },
  });
  const researcher = async (key: string, locale = "vi") => {
    const user = await prisma.user.create({
      data: {
        email: `${key}-${stamp}@uni.vn`,
        name: `${key} ${stamp}`,
        passwordHash: "x",
        locale,
        accountType: "researcher",
      },
    });
    await prisma.expertProfile.create({
      data: { userId: user.id, slug: `${key}-${stamp}`, fullName: `Nguyễn ${key}`, status: "published" },
    });
    return user;
  };
  const request = await prisma.techRequest.create({
    data: {
      authorId: company.id,
      companyName: `Công ty Đông Á ${stamp}`,
      sector: "agriculture",
      companySize: "small",
      title: `Hệ thống tưới cho ruộng bậc thang ${stamp}`,
      problem: "Ruộng bậc thang thiếu nước vào mùa khô",
      desiredOutcome: "Giảm một nửa lượng nước bơm",
      trl: 5,
      budget: "to_discuss",
      deadline: new Date(Date.now() + 45 * 86_400_000),
      status: "open",
      visibility,
      confidential: `Bí mật ${stamp}: lưu lượng bơm 40 m³/h`,
    },
  });
  return { stamp, company, request, researcher };
}

const proposal = { approach: "Cảm biến độ ẩm đất nối mạng LoRa", experience: "10 năm", timeline: "3 tháng" };
const respond = (requestId: string, user: { id: string }) =>
  write((tx, effects) => createResponseInTransaction(requestId, user, proposal, tx, effects));

test("a response opens its private conversation, and acceptance continues it as the match's", async () => {
  const { company, request, researcher } = await people();
  const scientist = await researcher("binh", "en");
  const response = await respond(request.id, scientist);
  const conversation = await prisma.conversation.findUniqueOrThrow({ where: { responseId: response.id } });
  expect(conversation).toMatchObject({
    kind: "response",
    subject: request.title,
    starterId: company.id,
    ownerUserId: scientist.id,
    matchId: null,
  });

  // They talk during screening; the author of an anonymous request writes as "the requester".
  await write((tx, effects) =>
    postMessageInTransaction(conversation.id, company.id, "Anh đo ở mấy ruộng?", tx, effects),
  );
  await write((tx, effects) => postMessageInTransaction(conversation.id, scientist.id, "Ba ruộng", tx, effects));
  const notice = await prisma.notification.findFirstOrThrow({
    where: { userId: scientist.id, type: "message" },
    orderBy: { createdAt: "desc" },
  });
  expect(notice.data).toContain("The requester");
  const [thread] = (await listConversationsOf(scientist.id)).filter((row) => row.id === conversation.id);
  expect(thread!.with).toEqual({ person: null, organization: null });
  const mails = await prisma.mailMessage.findMany({ where: { to: scientist.email } });
  expect(mails.length).toBeGreaterThan(0);
  for (const mail of mails) {
    expect(mail.text).not.toContain(company.name);
    expect(mail.text).not.toContain(company.email);
    expect(mail.text).not.toContain(request.companyName);
  }

  await moveResponse(request.id, company.id, { responseId: response.id, status: "shortlisted", declineReason: null });
  const matchId = await moveResponse(request.id, company.id, {
    responseId: response.id,
    status: "accepted",
    declineReason: null,
  });
  // The same conversation, now the match's: no second one, its messages still there.
  expect(matchId).toBe(conversation.id);
  expect(await prisma.conversation.count({ where: { OR: [{ responseId: response.id }, { matchId }] } })).toBe(1);
  expect(await prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).toMatchObject({
    kind: "match",
    matchId,
    responseId: response.id,
  });
  expect(await prisma.message.count({ where: { conversationId: conversation.id } })).toBe(2);
});

test("a withdrawn response leaves its conversation readable, its starter still unnamed", async () => {
  const { company, request, researcher } = await people("public");
  const scientist = await researcher("an");
  const response = await respond(request.id, scientist);
  const conversation = await prisma.conversation.findUniqueOrThrow({ where: { responseId: response.id } });
  await write((tx, effects) => postMessageInTransaction(conversation.id, scientist.id, "Xin chào", tx, effects));
  expect(await withdrawOwnResponse(request.id, scientist.id)).toBe(true);
  const kept = await prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } });
  expect(kept.responseId).toBeNull();
  expect(await prisma.message.count({ where: { conversationId: conversation.id } })).toBe(1);
  const [row] = (await listConversationsOf(company.id)).filter((item) => item.id === conversation.id);
  expect(row).toBeTruthy();
});

test("questions: asked once per form key, answered for everyone as 'the requester', askers never by account", async () => {
  const { company, request, researcher } = await people();
  const asker = await researcher("cuong", "en");
  const responder = await researcher("dung");
  await respond(request.id, responder);
  const member = await prisma.user.create({
    data: {
      email: `member-${request.id}@example.vn`,
      name: "Tên thật của thành viên",
      passwordHash: "x",
      accountType: "researcher",
    },
  });

  await askQuestion(request.id, asker.id, "Ruộng rộng bao nhiêu hecta?", "key-1");
  await askQuestion(request.id, asker.id, "Ruộng rộng bao nhiêu hecta?", "key-1"); // a double submit
  await askQuestion(request.id, member.id, "Có điện lưới tại ruộng không?", "key-2");
  await expect(askQuestion(request.id, company.id, "Tự hỏi mình?", "key-3")).rejects.toMatchObject({ status: 403 });
  let questions = await questionsOn(request.id);
  expect(questions.map((q) => [q.body, q.asker?.fullName ?? null, q.answer])).toEqual([
    ["Ruộng rộng bao nhiêu hecta?", "Nguyễn cuong", null],
    ["Có điện lưới tại ruộng không?", null, null],
  ]);
  expect(JSON.stringify(questions)).not.toContain(member.name);
  expect(JSON.stringify(questions)).not.toContain(asker.id);
  expect(
    await prisma.notification.count({ where: { userId: company.id, url: `/requests/${request.id}#questions` } }),
  ).toBe(2);

  await expect(answerQuestion(request.id, asker.id, questions[0]!.id, "Tôi trả lời hộ")).rejects.toMatchObject({
    status: 403,
  });
  await answerQuestion(request.id, company.id, questions[0]!.id, "Hai hecta.");
  await answerQuestion(request.id, company.id, questions[0]!.id, "Hai hecta rưỡi."); // an edit, told once
  questions = await questionsOn(request.id);
  expect(questions[0]!.answer).toBe("Hai hecta rưỡi.");
  const told = await prisma.notification.findMany({
    where: { url: `/requests/${request.id}#questions`, userId: { in: [asker.id, responder.id] } },
  });
  expect(told.map((row) => row.userId).sort()).toEqual([asker.id, responder.id].sort());
  const mail = await prisma.mailMessage.findFirstOrThrow({
    where: { to: asker.email, text: { contains: "Hai hecta" } },
  });
  expect(mail.text).toContain("The requester");
  expect(mail.text).toContain(`/requests/${request.id}#questions`);
  expect(mail.text).not.toContain(request.companyName);
  expect(mail.text).not.toContain(company.name);
});

test("the confidential section opens only to a chosen researcher after the terms, and reaches no mail", async () => {
  const { company, request, researcher } = await people();
  const chosen = await researcher("em");
  const other = await researcher("giang");
  const chosenResponse = await respond(request.id, chosen);
  await respond(request.id, other);
  const secret = request.confidential!;

  expect(await confidentialFor(request, company.id)).toMatchObject({ view: "author", text: secret, accepted: [] });
  expect(await confidentialFor(request, chosen.id)).toBeNull(); // not shortlisted: not even that it exists
  await expect(acceptConfidentialityTerms(request.id, chosen.id)).rejects.toMatchObject({ status: 404 });
  expect(await prisma.confidentialityAcceptance.count({ where: { requestId: request.id } })).toBe(0);

  await moveResponse(request.id, company.id, {
    responseId: chosenResponse.id,
    status: "shortlisted",
    declineReason: null,
  });
  expect(await confidentialFor(request, chosen.id)).toEqual({ view: "terms" });
  expect(await confidentialFor(request, other.id)).toBeNull();
  await acceptConfidentialityTerms(request.id, chosen.id);
  const open = await confidentialFor(request, chosen.id);
  expect(open).toMatchObject({ view: "open", text: secret });
  await expect(acceptConfidentialityTerms(request.id, other.id)).rejects.toMatchObject({ status: 404 });
  const author = await confidentialFor(request, company.id);
  expect(author?.view === "author" && author.accepted.map((row) => row.expert?.fullName)).toEqual(["Nguyễn em"]);

  const mails = await prisma.mailMessage.findMany({ where: { text: { contains: "Bí mật" } } });
  expect(mails).toEqual([]);
  const notices = await prisma.notification.findMany({ where: { data: { contains: "Bí mật" } } });
  expect(notices).toEqual([]);
});
