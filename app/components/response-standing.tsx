import { Badge } from "~/components/ui/badge";
import { feedbackWindowEnd } from "~/domain/feedback";
import { formatDate, useLanguage, useT } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/messages";

/** "Bên đặt hàng này đã phản hồi 8/10 đề xuất trong thời hạn · thường trong 4 ngày", or nothing. */
export function RequesterFeedbackLine({
  figures,
}: {
  figures: { answered: number; count: number; medianDays: number | null } | null;
}) {
  const t = useT();
  if (!figures) return null;
  const { answered, count, medianDays } = figures;
  return (
    <p className="text-sm text-slate-600" data-requester-feedback>
      {t("feedback.requesterFigure", { answered, count, days: medianDays ?? "" })}
    </p>
  );
}

/**
 * Where a researcher's response stands: its status, when it was sent, when the requester
 * answered (or by when they should: the deadline plus the feedback window), and what the
 * status means. On /me/responses and in the own-response block of the request page.
 */
export function ResponseStanding({
  response,
  deadline,
  now = new Date(),
}: {
  response: { status: string; createdAt: Date | string; feedbackAt: Date | string | null };
  deadline: Date | string;
  now?: Date;
}) {
  const t = useT();
  const lang = useLanguage();
  const dueBy = feedbackWindowEnd(deadline);
  return (
    <div className="space-y-1 text-sm" data-standing={response.status}>
      <p className="flex flex-wrap items-center gap-2">
        <Badge tone={response.status === "accepted" ? "success" : "neutral"}>
          {t(`response.status.${response.status}` as MessageKey)}
        </Badge>
        <span className="text-slate-600">{t("response.sentOn", { date: formatDate(lang, response.createdAt) })}</span>
        <span className="text-slate-600">
          {response.feedbackAt
            ? t("feedback.answeredOn", { date: formatDate(lang, response.feedbackAt) })
            : t(now > dueBy ? "feedback.noAnswerInTime" : "feedback.expectedBy", { date: formatDate(lang, dueBy) })}
        </span>
      </p>
      <p className="text-slate-600">{t(`feedback.meaning.${response.status}` as MessageKey)}</p>
    </div>
  );
}
