/** Files sent with a message (docs/decisions/070): what is accepted, and where a member fetches one. */

export const MAX_ATTACHMENTS = 3;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The accepted types, as read from the content, and the extension a download carries. */
export const ATTACHMENT_TYPES = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

export function isAttachmentType(type: string | undefined): type is AttachmentType {
  return type !== undefined && Object.hasOwn(ATTACHMENT_TYPES, type);
}

/** The file picker's hint; the server decides by the content alone. */
export const ATTACHMENT_ACCEPT = ".pdf,.png,.jpg,.jpeg,.webp,application/pdf,image/png,image/jpeg,image/webp";

export const isImageAttachment = (contentType: string) => contentType.startsWith("image/");

export const attachmentUrl = (conversationId: string, attachmentId: string) =>
  `/messages/${conversationId}/attachments/${attachmentId}`;

const MAX_NAME_LENGTH = 100;
const EXTENSIONS: Record<AttachmentType, readonly string[]> = {
  "application/pdf": ["pdf"],
  "image/png": ["png"],
  "image/jpeg": ["jpg", "jpeg"],
  "image/webp": ["webp"],
};

/**
 * The uploaded name as shown and offered on download: no folder parts, no control or
 * direction-changing characters, at most MAX_NAME_LENGTH characters, ending in the
 * extension of what the file is (a PDF named "a.png" downloads as "a.png.pdf").
 */
export function cleanFileName(name: string, type: AttachmentType): string {
  const base = (name.split(/[/\\]/).pop() ?? "")
    .normalize("NFC")
    // Control characters, and the bidirectional marks that make "exe.pdf" read as "fdp.exe"
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  const dot = base.lastIndexOf(".");
  const extension = dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
  const stem = EXTENSIONS[type].includes(extension) ? base.slice(0, dot) : base;
  const kept = Array.from(stem).slice(0, MAX_NAME_LENGTH).join("").trim() || "file";
  return `${kept}.${EXTENSIONS[type].includes(extension) ? extension : ATTACHMENT_TYPES[type]}`;
}

/** A size for people: "840 KB", "2,4 MB". */
export function formatFileSize(lang: "vi" | "en", bytes: number): string {
  const locale = lang === "vi" ? "vi-VN" : "en-GB";
  if (bytes < 1024 * 1024) return `${new Intl.NumberFormat(locale).format(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`;
}
