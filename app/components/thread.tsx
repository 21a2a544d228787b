import { Fragment } from "react";
import { formatDateTime, useLanguage, useT } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/messages";
import { attachmentUrl, formatFileSize, isImageAttachment } from "~/domain/message-attachment";
import { splitLinks } from "~/domain/message-links";
import { dayHeading, hanoiDay, hanoiTime } from "~/domain/message-time";

/**
 * A conversation's messages (docs/decisions/070): a day heading where the day changes
 * (today, yesterday, else the date), each message's time, in Hanoi time; web addresses
 * as links that open in a new tab; files as downloads, images with a small preview.
 * A message's text is never read as HTML or markdown.
 */
export type ShownMessage = {
  id: string;
  body: string;
  event: string | null;
  createdAt: string;
  sender: { name: string | null };
  mine: boolean;
  attachments: { id: string; fileName: string; contentType: string; size: number }[];
};

export function MessageBody({ body }: { body: string }) {
  return (
    <p className="mt-1 break-words whitespace-pre-line">
      {splitLinks(body).map((part, i) =>
        part.href ? (
          <a
            key={i}
            href={part.href}
            target="_blank"
            rel="noopener noreferrer nofollow ugc"
            className="text-brand-700 underline"
          >
            {part.text}
          </a>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </p>
  );
}

function Attachments({ conversationId, message }: { conversationId: string; message: ShownMessage }) {
  const lang = useLanguage();
  const t = useT();
  if (message.attachments.length === 0) return null;
  return (
    <ul className="mt-2 space-y-2" aria-label={t("attachments.count", { count: message.attachments.length })}>
      {message.attachments.map((file) => {
        const url = attachmentUrl(conversationId, file.id);
        return (
          <li key={file.id}>
            <a
              href={url}
              download={file.fileName}
              className="inline-flex max-w-full flex-col gap-1 rounded-lg border border-slate-200 bg-white p-2 text-sm text-brand-700 underline"
            >
              {isImageAttachment(file.contentType) ? (
                <img src={url} alt="" loading="lazy" className="max-h-40 max-w-full rounded object-contain" />
              ) : null}
              <span className="break-all">
                {file.fileName}{" "}
                <span className="text-slate-600 no-underline">
                  ({formatFileSize(lang, file.size)}, {t("attachments.download").toLowerCase()})
                </span>
              </span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}

export function ThreadMessages({
  conversationId,
  messages,
  now,
  emptyText,
}: {
  conversationId: string;
  messages: readonly ShownMessage[];
  now: string;
  emptyText: string;
}) {
  const t = useT();
  const lang = useLanguage();
  const words = { today: t("thread.today"), yesterday: t("thread.yesterday") };
  return (
    <ol className="space-y-3" aria-live="polite" aria-relevant="additions">
      {messages.length === 0 ? <li className="text-slate-600">{emptyText}</li> : null}
      {messages.map((message, i) => {
        const day = hanoiDay(message.createdAt);
        const newDay = i === 0 || hanoiDay(messages[i - 1]!.createdAt) !== day;
        const time = (
          <time dateTime={message.createdAt} title={formatDateTime(lang, message.createdAt)}>
            {hanoiTime(message.createdAt)}
          </time>
        );
        const name = message.sender.name ?? t("talk.requester");
        return (
          <Fragment key={message.id}>
            {newDay ? (
              <li className="pt-2 text-center text-xs font-semibold text-slate-600">
                <time dateTime={day}>{dayHeading(lang, message.createdAt, now, words)}</time>
              </li>
            ) : null}
            {message.event ? (
              <li
                id={`m-${message.id}`}
                tabIndex={-1}
                className="rounded-xl bg-slate-100 p-3 text-center text-sm text-slate-700"
              >
                {t(message.event as MessageKey, { ...JSON.parse(message.body), name } as never)} · {time}
              </li>
            ) : (
              <li
                id={i === messages.length - 1 ? "latest" : `m-${message.id}`}
                tabIndex={-1}
                className={
                  message.mine
                    ? "ml-8 rounded-xl bg-brand-50 p-3"
                    : "mr-8 rounded-xl border border-slate-200 bg-white p-3"
                }
              >
                <p className="text-xs text-slate-600">
                  {name} · {time}
                </p>
                {message.body ? <MessageBody body={message.body} /> : null}
                <Attachments conversationId={conversationId} message={message} />
              </li>
            )}
          </Fragment>
        );
      })}
    </ol>
  );
}
