import {
  signedOnProblem,
  agreementSteps,
  isLicensingType,
  takesAgreements,
  type SignedOnProblem,
} from "~/domain/agreement";
import { hanoiToday } from "~/domain/booking";
import { conversationUrl } from "~/domain/conversation";
import { isLanguage, translator } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/messages";
import { prisma } from "~/db/client.server";
import type { AgreementInput } from "~/validation/agreement";
import { hidesStarter, otherSide, recordEvent, sideOf } from "./conversation.server";
import { notify } from "./notification.server";
import { write, writeOnce, type Effects, type Tx } from "./write.server";

/**
 * Agreements that came out of a conversation (docs/decisions/074): one side records it,
 * the other confirms or disputes it, the recorder may withdraw it while it waits. Every
 * function checks on the server that the user is a member of the conversation; anyone
 * else is told it does not exist. Type, value and note are the two sides' (and
 * officials') only: nothing here writes them into a mail, a search document or a log.
 */

export type AgreementProblem =
  | SignedOnProblem
  /** The tick "licenses this technology" on a type that is not a licence or a transfer, or with no technology */
  | "notLicensing"
  /** The agreement is no longer pending (confirmed, disputed or withdrawn meanwhile) */
  | "wrongStatus"
  /** Its recorder's own side cannot confirm or dispute it; only its recorder withdraws it */
  | "notYours";

export class AgreementError extends Error {
  constructor(
    readonly problem: AgreementProblem,
    readonly field?: "signedOn" | "licensesOffer",
  ) {
    super(problem);
  }
}

const notFound = () => new Response("Not found", { status: 404 });

/** 10:00 on a Hanoi day is its midnight plus 7 hours: the day of an instant in Hanoi. */
const hanoiDay = (date: Date) => hanoiToday(date);

const conversationFields = {
  id: true,
  kind: true,
  subject: true,
  starterId: true,
  ownerUserId: true,
  organizationId: true,
  createdAt: true,
  offer: { select: { id: true, type: true } },
  response: { select: { request: { select: { visibility: true } } } },
  match: { select: { request: { select: { visibility: true } } } },
} as const;

async function memberConversation(conversationId: string, userId: string, tx: Tx) {
  const conversation = await tx.conversation.findUnique({ where: { id: conversationId }, select: conversationFields });
  const side = conversation ? await sideOf(conversation, userId, tx) : null;
  if (!conversation || !side || !takesAgreements(conversation.kind)) throw notFound();
  return { conversation, side };
}

type Conversation = Awaited<ReturnType<typeof memberConversation>>["conversation"];

/** The technology offer a conversation is about, when there is one (what an agreement may license). */
const technologyOf = (conversation: { offer: { id: string; type: string } | null }) =>
  conversation.offer?.type === "technology" ? conversation.offer.id : null;

/** Tells the other side what happened, by their name (or "the requester", as messages do), linking to the thread. */
async function tellOtherSide(
  conversation: Conversation,
  actorId: string,
  actorSide: "starter" | "owner",
  key: MessageKey,
  tx: Tx,
  effects: Effects,
) {
  const actor = await tx.user.findUniqueOrThrow({ where: { id: actorId }, select: { name: true } });
  const hidden = actorSide === "starter" && hidesStarter(conversation);
  for (const userId of await otherSide(conversation, actorId, tx)) {
    const { locale } = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { locale: true } });
    const name = hidden ? translator(isLanguage(locale) ? locale : "vi")("talk.requester") : actor.name;
    await notify(
      {
        userId,
        type: "agreement",
        key,
        params: { name, title: conversation.subject },
        url: `${conversationUrl(conversation.id)}#agreements`,
        mail: { action: "mail.action.agreement" },
      },
      tx,
      effects,
    );
  }
}

/**
 * Records an agreement in a conversation, once per form key; returns the thread's address.
 * The day may not be before the conversation began (a Hanoi day) nor after today.
 */
export async function recordAgreement(
  conversationId: string,
  userId: string,
  input: AgreementInput,
  formKey: string,
): Promise<string> {
  return writeOnce(userId, formKey, async (tx, effects) => {
    const { conversation, side } = await memberConversation(conversationId, userId, tx);
    const found = signedOnProblem(input.signedOn, hanoiDay(conversation.createdAt), hanoiToday());
    if (found) throw new AgreementError(found, "signedOn");
    const technology = technologyOf(conversation);
    if (input.licensesOffer && (!technology || !isLicensingType(input.type)))
      throw new AgreementError("notLicensing", "licensesOffer");
    const agreement = await tx.agreement.create({
      data: {
        conversationId,
        type: input.type,
        valueRange: input.valueRange,
        signedOn: input.signedOn,
        note: input.note,
        offerId: input.licensesOffer ? technology : null,
        recordedById: userId,
      },
      select: { id: true },
    });
    await recordEvent(conversationId, userId, "agreement.event.recorded", { type: input.type }, tx);
    await tellOtherSide(conversation, userId, side, "notify.agreementRecorded", tx, effects);
    return `${conversationUrl(conversationId)}#agreement-${agreement.id}`;
  });
}

const STEP_STATUS = { confirm: "confirmed", dispute: "disputed", withdraw: "withdrawn" } as const;
const STEP_EVENT = {
  confirm: "agreement.event.confirmed",
  dispute: "agreement.event.disputed",
  withdraw: "agreement.event.withdrawn",
} as const satisfies Record<string, MessageKey>;
const STEP_NOTICE = {
  confirm: "notify.agreementConfirmed",
  dispute: "notify.agreementDisputed",
  withdraw: "notify.agreementWithdrawn",
} as const satisfies Record<string, MessageKey>;

/**
 * Confirms, disputes or withdraws a pending agreement of this conversation. The other
 * side confirms or disputes; its recorder withdraws. Only one step ever leaves
 * "pending" (the update is conditional on it, in the write): a second click is refused.
 * A confirmed licence or transfer of a technology offer marks the offer licensed.
 */
export async function takeAgreementStep(
  conversationId: string,
  agreementId: string,
  userId: string,
  step: keyof typeof STEP_STATUS,
): Promise<void> {
  await write(async (tx, effects) => {
    const { conversation, side } = await memberConversation(conversationId, userId, tx);
    const agreement = await tx.agreement.findFirst({
      where: { id: agreementId, conversationId },
      select: { id: true, type: true, status: true, offerId: true, recordedById: true },
    });
    if (!agreement) throw notFound();
    const recorderSide = agreement.recordedById === conversation.starterId ? "starter" : "owner";
    const allowed = agreementSteps(agreement.status, {
      recordedIt: agreement.recordedById === userId,
      onRecorderSide: side === recorderSide,
    });
    if (agreement.status !== "pending") throw new AgreementError("wrongStatus");
    if (!allowed.includes(step)) throw new AgreementError("notYours");
    const now = new Date();
    const changed = await tx.agreement.updateMany({
      where: { id: agreement.id, status: "pending" },
      data: {
        status: STEP_STATUS[step],
        ...(step === "withdraw" ? {} : { confirmedById: userId, confirmedAt: now }),
      },
    });
    if (changed.count === 0) throw new AgreementError("wrongStatus");
    if (step === "confirm") {
      if (agreement.offerId && isLicensingType(agreement.type))
        await tx.offer.updateMany({ where: { id: agreement.offerId, licensedAt: null }, data: { licensedAt: now } });
      // The public counts (ecosystem page) are cached per data version: a confirmed agreement moves it.
      await effects.searchableDataChanged();
    }
    await recordEvent(conversationId, userId, STEP_EVENT[step], { type: agreement.type }, tx);
    await tellOtherSide(conversation, userId, side, STEP_NOTICE[step], tx, effects);
  });
}

export type AgreementView = {
  id: string;
  type: string;
  valueRange: string | null;
  signedOn: string;
  note: string | null;
  status: string;
  licensesOffer: boolean;
  recordedBy: string | null;
  mine: boolean;
  steps: ReturnType<typeof agreementSteps>;
};

/**
 * A conversation's agreements as one of its members sees them, newest first, with the
 * steps this member may take. Call only after the membership check (the thread's loader).
 */
export async function agreementsForConversation(
  conversation: { id: string; kind: string; starterId: string; side: "starter" | "owner" },
  userId: string,
  hideStarter: boolean,
) {
  if (!takesAgreements(conversation.kind)) return null;
  const rows = await prisma.agreement.findMany({
    where: { conversationId: conversation.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 50,
    select: {
      id: true,
      type: true,
      valueRange: true,
      signedOn: true,
      note: true,
      status: true,
      offerId: true,
      recordedById: true,
      recordedBy: { select: { name: true } },
    },
  });
  return rows.map(({ recordedById, recordedBy, offerId, ...row }): AgreementView => {
    const recorderSide = recordedById === conversation.starterId ? "starter" : "owner";
    return {
      ...row,
      licensesOffer: offerId !== null,
      // An anonymous request's author is "the requester" to the other side.
      recordedBy: hideStarter && recorderSide === "starter" ? null : (recordedBy?.name ?? null),
      mine: recorderSide === conversation.side,
      steps: agreementSteps(row.status, {
        recordedIt: recordedById === userId,
        onRecorderSide: recorderSide === conversation.side,
      }),
    };
  });
}

/** Whether the agreement form offers the "licenses this technology" tick: the thread is about a technology offer. */
export async function licensableOffer(conversationId: string) {
  const row = await prisma.conversation.findUnique({
    where: { id: conversationId },
    select: { offer: { select: { id: true, type: true } } },
  });
  return row ? technologyOf(row) !== null : false;
}

/** The agreements in every conversation of a member (both sides, their teams' included), newest first. */
export async function agreementsOfMember(userId: string, take = 200) {
  const managed = await prisma.organizationManager.findMany({ where: { userId }, select: { organizationId: true } });
  const organizations = managed.map((row) => row.organizationId);
  const rows = await prisma.agreement.findMany({
    where: {
      conversation: {
        OR: [
          { starterId: userId },
          { ownerUserId: userId },
          ...(organizations.length ? [{ organizationId: { in: organizations } }] : []),
        ],
      },
    },
    orderBy: [{ signedOn: "desc" }, { createdAt: "desc" }],
    take,
    select: {
      id: true,
      type: true,
      valueRange: true,
      signedOn: true,
      status: true,
      offerId: true,
      recordedById: true,
      conversation: { select: { id: true, subject: true } },
    },
  });
  return rows.map(({ recordedById, offerId, conversation, ...row }) => ({
    ...row,
    licensesOffer: offerId !== null,
    recordedByMe: recordedById === userId,
    conversationId: conversation.id,
    subject: conversation.subject,
  }));
}
