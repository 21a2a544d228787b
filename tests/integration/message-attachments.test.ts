import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, test } from "vitest";
import { prisma } from "~/db/client.server";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from "~/domain/message-attachment";
import { listMessages, messagesAfter, MESSAGES_PER_PAGE, sendMessage } from "~/models/conversation.server";
import {
  attachmentDirectory,
  checkAttachments,
  sweepOrphanAttachments,
  type CheckedAttachment,
} from "~/models/message-attachment.server";
import { loader as updatesLoader } from "~/routes/messages.$id_.updates";
import { loader as attachmentLoader } from "~/routes/messages.$id_.attachments.$attachmentId";
import { action as threadAction } from "~/routes/messages.$id";
import { hit, LIMITS } from "~/auth/rate-limit.server";
import { hex, makeUser } from "../factories";

/**
 * A thread's pages both ways, its live updates' endpoint, and the files sent with
 * messages (docs/decisions/070), through the model functions and the route loaders, on
 * a real SQLite file and a real attachments folder.
 */

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const HTML = Buffer.from("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>");
const png = () =>
  sharp({ create: { width: 4, height: 4, channels: 3, background: "#336699" } })
    .png()
    .toBuffer();

const file = (bytes: Buffer | string, name: string, type = "application/octet-stream") =>
  new File([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], name, { type });

async function conversationOf(kind = "inquiry") {
  const starter = await makeUser({ label: "starter" });
  const owner = await makeUser({ label: "owner" });
  const outsider = await makeUser({ label: "outsider" });
  const conversation = await prisma.conversation.create({
    data: { kind, subject: `Thread ${hex()}`, starterId: starter.id, ownerUserId: owner.id },
  });
  return { conversation, starter, owner, outsider };
}

const storedFiles = () => fs.readdirSync(attachmentDirectory()).sort();

function args(pathname: string, params: Record<string, string>, userId: string | null) {
  const user = userId ? { id: userId, name: "x", email: "x@example.org", role: "member" } : null;
  return {
    request: new Request(`http://localhost${pathname}`),
    params,
    context: { auth: user ? { user } : null },
  } as never;
}

async function status(run: () => Promise<Response>) {
  try {
    return (await run()).status;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

async function checked(files: File[]): Promise<CheckedAttachment[]> {
  const result = await checkAttachments(files);
  if ("problem" in result) throw new Error(result.problem);
  return result.attachments;
}

describe("a long thread", () => {
  test("opens on its newest page and pages both ways by cursor, never reading the whole thread", async () => {
    const { conversation, starter, owner } = await conversationOf();
    const start = Date.UTC(2026, 0, 1);
    // 3,000 messages; every tenth pair shares its millisecond, as two senders' can.
    await prisma.message.createMany({
      data: Array.from({ length: 3_000 }, (_, i) => ({
        conversationId: conversation.id,
        senderId: i % 2 ? owner.id : starter.id,
        body: `Tin ${i}`,
        createdAt: new Date(start + (i - (i % 10 === 1 ? 1 : 0)) * 1_000),
      })),
    });
    const all = await prisma.message.findMany({
      where: { conversationId: conversation.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true },
    });

    const newest = await listMessages(conversation.id);
    expect(newest.messages).toHaveLength(MESSAGES_PER_PAGE);
    expect(newest.messages.map((m) => m.id)).toEqual(all.slice(-MESSAGES_PER_PAGE).map((m) => m.id));

    // Backwards, page by page, to the first message: each page the one before, none repeated or missed.
    const seen: string[] = newest.messages.map((m) => m.id);
    let older = newest.older;
    let pages = 1;
    while (older) {
      const page = await listMessages(conversation.id, { before: older });
      expect(page.messages.length).toBeLessThanOrEqual(MESSAGES_PER_PAGE);
      seen.unshift(...page.messages.map((m) => m.id));
      older = page.older;
      pages++;
    }
    expect(pages).toBe(Math.ceil(3_000 / MESSAGES_PER_PAGE));
    expect(seen).toEqual(all.map((m) => m.id));

    // Forwards from a message in the middle: the next page, and more to come.
    const middle = all[1_000]!.id;
    const after = await messagesAfter(conversation.id, middle);
    expect(after.more).toBe(true);
    expect(after.messages.map((m) => m.id)).not.toContain(middle);
    expect(after.messages.map((m) => m.id)).toEqual(expect.arrayContaining(all.slice(1_001, 1_050).map((m) => m.id)));
    expect(after.messages.length).toBe(MESSAGES_PER_PAGE);
    // From the newest: nothing; from another conversation's message or nonsense: nothing.
    expect((await messagesAfter(conversation.id, all.at(-1)!.id)).messages).toEqual([]);
    const other = await conversationOf();
    expect((await messagesAfter(other.conversation.id, middle)).messages).toEqual([]);
    expect((await messagesAfter(conversation.id, "not an id")).messages).toEqual([]);
  });
});

describe("the live updates endpoint", () => {
  test("answers members only, with what came after the cursor and no account ids", async () => {
    const { conversation, starter, owner, outsider } = await conversationOf();
    await sendMessage(conversation.id, starter.id, "Chào anh", hex());
    const [first] = (await listMessages(conversation.id)).messages;
    await sendMessage(conversation.id, owner.id, "Chào chị, xem https://example.org nhé", hex());
    const params = { id: conversation.id };
    const path = `/messages/${conversation.id}/updates?after=${first!.id}`;

    const answer = await updatesLoader(args(path, params, starter.id));
    expect(answer.headers.get("Cache-Control")).toContain("no-store");
    const json = (await answer.json()) as { messages: Record<string, unknown>[] };
    expect(json.messages.map((m) => m.body)).toEqual(["Chào chị, xem https://example.org nhé"]);
    expect(Object.keys(json.messages[0]!).sort()).toEqual(
      ["attachments", "body", "createdAt", "event", "id", "mine", "sender"].sort(),
    );
    expect(JSON.stringify(json)).not.toContain(owner.id);
    expect(JSON.stringify(json)).not.toContain(owner.email);

    expect(await status(() => updatesLoader(args(path, params, outsider.id)))).toBe(404);
    expect(await status(() => updatesLoader(args(path, params, null)))).toBe(404);
    expect(await status(() => updatesLoader(args(path, { id: "nonexistent0000" }, starter.id)))).toBe(404);
  });

  test("reads the new messages it brings, as opening the page does", async () => {
    const { conversation, starter, owner } = await conversationOf();
    await sendMessage(conversation.id, starter.id, "Một", hex());
    const [first] = (await listMessages(conversation.id)).messages;
    await sendMessage(conversation.id, owner.id, "Hai", hex());
    const read = () =>
      prisma.conversationRead.findUnique({
        where: { conversationId_userId: { conversationId: conversation.id, userId: starter.id } },
      });
    const before = (await read())!.lastReadAt;
    await updatesLoader(
      args(`/messages/${conversation.id}/updates?after=${first!.id}`, { id: conversation.id }, starter.id),
    );
    expect((await read())!.lastReadAt.getTime()).toBeGreaterThan(before.getTime());
  });
});

describe("files sent with a message", () => {
  test("are told by their content: a PDF named .png is a PDF, an HTML page named .pdf is refused", async () => {
    const [pdf] = await checked([file(PDF, "bao-cao.png", "image/png")]);
    expect(pdf).toMatchObject({ contentType: "application/pdf", fileName: "bao-cao.png.pdf" });
    const [image] = await checked([file(await png(), "../../etc/ảnh\u202Egnp.exe", "application/pdf")]);
    expect(image).toMatchObject({ contentType: "image/png", fileName: "ảnhgnp.exe.png" });
    const jpeg = await sharp(await png())
      .jpeg()
      .toBuffer();
    expect((await checked([file(jpeg, "photo.JPEG")]))[0]).toMatchObject({
      contentType: "image/jpeg",
      fileName: "photo.jpeg",
    });
    expect(await checkAttachments([file(HTML, "trang.pdf", "application/pdf")])).toEqual({ problem: "type" });
    expect(await checkAttachments([file("chỉ là chữ", "ghi-chu.txt", "text/plain")])).toEqual({ problem: "type" });
    const gif = await sharp(await png())
      .gif()
      .toBuffer();
    expect(await checkAttachments([file(gif, "a.gif", "image/gif")])).toEqual({ problem: "type" });
  });

  test("images are kept without their metadata (where and by whom a photo was taken), turned as they were shown", async () => {
    // A phone's photo: 6 × 4 pixels stored sideways, with the camera's orientation tag, GPS and owner.
    const exif = {
      IFD0: { Artist: "Nguyễn Văn Chủ", Copyright: "Công ty Ẩn Danh", Make: "PhoneMaker", Model: "X1" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "21/1 1/1 30/1", GPSLongitudeRef: "E", GPSLongitude: "105/1 50/1 0/1" },
    };
    const sideways = sharp({ create: { width: 4, height: 6, channels: 3, background: "#336699" } });
    const photo = await sideways.jpeg().withExif(exif).withMetadata({ orientation: 6 }).toBuffer();
    const before = await sharp(photo).metadata();
    expect(before.exif?.toString("latin1")).toContain("PhoneMaker");
    expect(before.orientation).toBe(6);

    const [jpeg] = await checked([file(photo, "anh.jpg")]);
    const after = await sharp(jpeg!.bytes).metadata();
    expect(after).toMatchObject({ format: "jpeg", width: 6, height: 4 });
    expect(after.exif).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(jpeg!.bytes.toString("latin1")).not.toMatch(/PhoneMaker|Artist|Ch\u1ee7|GPS/);

    for (const [format, type] of [
      ["png", "image/png"],
      ["webp", "image/webp"],
    ] as const) {
      const image = sharp(await png());
      const tagged = await (format === "png" ? image.png() : image.webp()).withExif(exif).toBuffer();
      expect((await sharp(tagged).metadata()).exif, format).toBeDefined();
      const [kept] = await checked([file(tagged, `a.${format}`)]);
      expect(kept!.contentType).toBe(type);
      expect((await sharp(kept!.bytes).metadata()).exif, format).toBeUndefined();
    }

    // A header that says more pixels than a photo may have is refused before it is decoded.
    const huge = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: "#000" } })
      .jpeg({ quality: 1 })
      .toBuffer();
    expect(await checkAttachments([file(huge, "lon.jpg")])).toEqual({ problem: "pixels" });
  });

  test("are refused over the size or the count; an empty file input is no file", async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_ATTACHMENT_BYTES)]);
    expect(await checkAttachments([file(big, "lon.pdf")])).toEqual({ problem: "size" });
    const many = Array.from({ length: MAX_ATTACHMENTS + 1 }, (_, i) => file(PDF, `${i}.pdf`));
    expect(await checkAttachments(many)).toEqual({ problem: "count" });
    expect(await checkAttachments([file("", "")])).toEqual({ attachments: [] });
    const long = `${"dài".repeat(200)}.pdf`;
    expect((await checked([file(PDF, long)]))[0]!.fileName.length).toBeLessThanOrEqual(104);
  });

  test("are stored under random names with their rows; the notice and the mail say how many", async () => {
    const { conversation, starter, owner } = await conversationOf();
    const files = await checked([file(PDF, "hop-dong.pdf"), file(await png(), "so-do.png")]);
    await sendMessage(conversation.id, starter.id, "", hex(), files);
    const rows = await prisma.messageAttachment.findMany({ where: { message: { conversationId: conversation.id } } });
    expect(rows.map((row) => row.fileName).sort()).toEqual(["hop-dong.pdf", "so-do.png"]);
    for (const row of rows) {
      expect(row.storedName).toMatch(/^[a-f0-9]{32}$/);
      expect(fs.readFileSync(path.join(attachmentDirectory(), row.storedName)).length).toBe(row.size);
    }
    const notice = await prisma.notification.findFirstOrThrow({ where: { userId: owner.id } });
    expect(JSON.parse(notice.data)).toMatchObject({ key: "notify.messageWithFiles", params: { count: 2 } });
    const mail = await prisma.mailMessage.findFirstOrThrow({
      where: { to: owner.email },
      orderBy: { createdAt: "desc" },
    });
    expect(mail.subject).toContain("kèm 2 tệp");
    expect(mail.text).toContain(`/messages/${conversation.id}`);
  });

  test("leave no file behind when the message is refused or repeated", async () => {
    const { conversation, starter, outsider } = await conversationOf();
    const before = storedFiles();
    // Not a member: the write refuses, and the files written before it go.
    await expect(
      sendMessage(conversation.id, outsider.id, "Xin chào", hex(), await checked([file(PDF, "a.pdf")])),
    ).rejects.toMatchObject({
      status: 404,
    });
    expect(storedFiles()).toEqual(before);
    // The same form twice: one message, one set of files.
    const key = hex();
    await sendMessage(conversation.id, starter.id, "Gửi hai lần", key, await checked([file(PDF, "b.pdf")]));
    const afterFirst = storedFiles();
    await sendMessage(conversation.id, starter.id, "Gửi hai lần", key, await checked([file(PDF, "b.pdf")]));
    expect(storedFiles()).toEqual(afterFirst);
    expect(await prisma.message.count({ where: { conversationId: conversation.id } })).toBe(1);
  });

  test("are served only to members, as a sandboxed download of the stored type", async () => {
    const { conversation, starter, owner, outsider } = await conversationOf();
    await sendMessage(conversation.id, starter.id, "Tài liệu", hex(), await checked([file(PDF, "Báo cáo quý.png")]));
    const row = await prisma.messageAttachment.findFirstOrThrow({
      where: { message: { conversationId: conversation.id } },
    });
    const params = { id: conversation.id, attachmentId: row.id };
    const url = `/messages/${conversation.id}/attachments/${row.id}`;
    const answer = await attachmentLoader(args(url, params, owner.id));
    expect(answer.status).toBe(200);
    expect(answer.headers.get("Content-Type")).toBe("application/pdf");
    expect(answer.headers.get("Content-Disposition")).toBe(
      `attachment; filename="Bao cao quy.png.pdf"; filename*=UTF-8''${encodeURIComponent("Báo cáo quý.png.pdf")}`,
    );
    // nosniff is helmet's, on every answer: tests/e2e/message-thread.test.ts checks the download carries it once.
    expect(answer.headers.get("X-Content-Type-Options")).toBeNull();
    expect(answer.headers.get("Content-Security-Policy")).toContain("sandbox");
    expect(answer.headers.get("Cache-Control")).toMatch(/^private/);
    expect(Buffer.from(await answer.arrayBuffer()).equals(PDF)).toBe(true);

    expect(await status(() => attachmentLoader(args(url, params, outsider.id)))).toBe(404);
    expect(await status(() => attachmentLoader(args(url, params, null)))).toBe(404);
    // Another conversation's member cannot reach it through their own conversation's address.
    const other = await conversationOf();
    const elsewhere = { id: other.conversation.id, attachmentId: row.id };
    expect(await status(() => attachmentLoader(args(url, elsewhere, other.starter.id)))).toBe(404);
  });

  test("go with their conversation: the sweep removes files no row names, once old enough", async () => {
    const { conversation, starter } = await conversationOf();
    await sendMessage(conversation.id, starter.id, "Sắp bị xoá", hex(), await checked([file(PDF, "c.pdf")]));
    const row = await prisma.messageAttachment.findFirstOrThrow({
      where: { message: { conversationId: conversation.id } },
    });
    const kept = await conversationOf();
    await sendMessage(kept.conversation.id, kept.starter.id, "Giữ lại", hex(), await checked([file(PDF, "d.pdf")]));
    const keptRow = await prisma.messageAttachment.findFirstOrThrow({
      where: { message: { conversationId: kept.conversation.id } },
    });
    // Deleted with its organization or its people: the rows cascade, the file stays until the sweep.
    await prisma.conversation.delete({ where: { id: conversation.id } });
    const stray = path.join(attachmentDirectory(), "0".repeat(32));
    fs.writeFileSync(stray, PDF);
    // Fresh files are left alone (an upload may still be writing its row).
    await sweepOrphanAttachments(Date.now());
    expect(fs.existsSync(path.join(attachmentDirectory(), row.storedName))).toBe(true);
    await sweepOrphanAttachments(Date.now() + 2 * 60 * 60_000);
    expect(fs.existsSync(path.join(attachmentDirectory(), row.storedName))).toBe(false);
    expect(fs.existsSync(stray)).toBe(false);
    expect(fs.existsSync(path.join(attachmentDirectory(), keptRow.storedName))).toBe(true);
  });
});

describe("the thread's send form", () => {
  /** The form as a browser posts it, with files. */
  function post(conversationId: string, userId: string, body: string, files: File[]) {
    const form = new FormData();
    form.append("body", body);
    form.append("formToken", `form-${hex()}${hex()}`);
    for (const item of files) form.append("files", item);
    const user = { id: userId, name: "x", email: "x@example.org", role: "member" };
    return threadAction({
      request: new Request(`http://localhost/messages/${conversationId}`, { method: "POST", body: form }),
      params: { id: conversationId },
      context: { auth: { user } },
    } as never) as Promise<unknown>;
  }
  const answerOf = (value: unknown) =>
    value as {
      init: { status: number };
      data: { result: { error: Record<string, string[]>; initialValue: Record<string, unknown> } };
    };

  test("refuses a file that is not what it says with 400, the field's message and the words kept, writing nothing", async () => {
    const { conversation, starter } = await conversationOf();
    const before = storedFiles();
    const answer = answerOf(
      await post(conversation.id, starter.id, "Bảng giá đây ạ", [file(HTML, "bang-gia.pdf", "application/pdf")]),
    );
    expect(answer.init.status).toBe(400);
    expect(answer.data.result.error.files).toEqual(["attachments.error.type"]);
    expect(answer.data.result.initialValue.body).toBe("Bảng giá đây ạ");
    expect(await prisma.message.count({ where: { conversationId: conversation.id } })).toBe(0);
    expect(storedFiles()).toEqual(before);
  });

  test("takes files alone, but not an empty message without files", async () => {
    const { conversation, starter } = await conversationOf();
    const empty = answerOf(await post(conversation.id, starter.id, "", []));
    expect(empty.init.status).toBe(400);
    expect(empty.data.result.error.body).toEqual(["form.required"]);
    const sent = (await post(conversation.id, starter.id, "", [file(PDF, "a.pdf")])) as Response;
    expect(sent.status).toBe(302);
    expect(await prisma.messageAttachment.count({ where: { message: { conversationId: conversation.id } } })).toBe(1);
  });

  test("counts each file against the hourly limit of files", async () => {
    const { conversation, starter } = await conversationOf();
    for (let i = 0; i < LIMITS.attachmentsPerUser.max; i++) await hit(LIMITS.attachmentsPerUser, starter.id);
    const answer = answerOf(await post(conversation.id, starter.id, "Thêm một tệp", [file(PDF, "b.pdf")]));
    expect(answer.init.status).toBe(429);
    expect(await prisma.message.count({ where: { conversationId: conversation.id } })).toBe(0);
    // Words alone still go.
    expect(((await post(conversation.id, starter.id, "Chỉ chữ thôi", [])) as Response).status).toBe(302);
  });
});
