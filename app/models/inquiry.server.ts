import { conversationUrl } from "~/domain/conversation";
import { isPublicOffer } from "~/domain/offer-values";
import { prisma } from "~/db/client.server";
import { startConversation } from "./conversation.server";
import { shownResponsiveness, type Owner } from "./responsiveness.server";
import { writeOnce } from "./write.server";

/**
 * Inquiries: a member contacts a listing's owners straight from its page (an
 * organization's team, a researcher, an offer's owner) and a private conversation of
 * kind "inquiry" opens (docs/decisions/060, 061). Nobody's e-mail address is shown:
 * both sides talk in the conversation, and the owners are told by notification and mail.
 */
export type InquiryTarget =
  { type: "organization"; id: string } | { type: "expert"; slug: string } | { type: "offer"; id: string };

/**
 * What the page's contact box shows: `open` (the form), `own` (it is the viewer's),
 * `closed` (a researcher who takes formal requests only) or `unmanaged` (nobody manages
 * the listing on the portal: its public contacts instead).
 */
export type InquiryState = "open" | "own" | "closed" | "unmanaged";

type Recipient = {
  owner: Owner;
  subject: string;
  about: { offerId?: string; expertId?: string };
  /** The people who would read it now */
  readers: string[];
  open: boolean;
};

async function managersOf(organizationId: string) {
  const rows = await prisma.organizationManager.findMany({ where: { organizationId }, select: { userId: true } });
  return rows.map((row) => row.userId);
}

const nameOf = (row: { nameVi: string | null; nameEn: string | null }) => row.nameVi ?? row.nameEn ?? "";

/** Who an inquiry about the target reaches; null when the target is not public. */
async function recipientOf(target: InquiryTarget): Promise<Recipient | null> {
  if (target.type === "organization") {
    const organization = await prisma.organization.findFirst({
      where: { id: target.id, status: "published" },
      select: { id: true, nameVi: true, nameEn: true },
    });
    if (!organization) return null;
    const readers = await managersOf(organization.id);
    return {
      owner: { organizationId: organization.id },
      subject: nameOf(organization),
      about: {},
      readers,
      open: true,
    };
  }
  if (target.type === "expert") {
    const expert = await prisma.expertProfile.findFirst({
      where: { slug: target.slug, status: "published" },
      select: { id: true, userId: true, fullName: true, inquiriesOpen: true },
    });
    if (!expert) return null;
    return {
      owner: { userId: expert.userId },
      subject: expert.fullName,
      about: { expertId: expert.id },
      readers: [expert.userId],
      open: expert.inquiriesOpen,
    };
  }
  const offer = await prisma.offer.findUnique({
    where: { id: target.id },
    select: {
      id: true,
      nameVi: true,
      nameEn: true,
      status: true,
      hiddenAt: true,
      organizationId: true,
      organization: { select: { status: true } },
      ownerExpert: { select: { userId: true, status: true, inquiriesOpen: true } },
    },
  });
  if (!offer || !isPublicOffer(offer)) return null;
  const about = { offerId: offer.id };
  if (offer.organizationId) {
    const readers = await managersOf(offer.organizationId);
    return { owner: { organizationId: offer.organizationId }, subject: nameOf(offer), about, readers, open: true };
  }
  const expert = offer.ownerExpert;
  if (!expert || expert.status !== "published") return null;
  return {
    owner: { userId: expert.userId },
    subject: nameOf(offer),
    about,
    readers: [expert.userId],
    open: expert.inquiriesOpen,
  };
}

function stateOf(recipient: Recipient, userId: string | null): InquiryState {
  if (userId && recipient.readers.includes(userId)) return "own";
  if (recipient.readers.length === 0) return "unmanaged";
  return recipient.open ? "open" : "closed";
}

/**
 * The contact box of a listing's page: what it may show this viewer, and the owner's
 * responsiveness figures (null below the minimum count).
 */
export async function inquiryBox(target: InquiryTarget, userId: string | null) {
  const recipient = await recipientOf(target);
  if (!recipient) return null;
  return { state: stateOf(recipient, userId), responsiveness: await shownResponsiveness(recipient.owner) };
}

export type SendInquiryResult = { ok: true; url: string } | { ok: false; state: Exclude<InquiryState, "open"> };

/**
 * Sends an inquiry: opens the conversation with the first message and tells the owners,
 * once per form key. Refused (nothing written) for one's own listing, a researcher who
 * takes requests only, a listing nobody manages, and a sender the owners blocked
 * (startConversation throws SenderBlocked).
 */
export async function sendInquiry(
  target: InquiryTarget,
  sender: { id: string; name: string },
  body: string,
  formKey: string,
): Promise<SendInquiryResult | null> {
  const recipient = await recipientOf(target);
  if (!recipient) return null;
  const state = stateOf(recipient, sender.id);
  if (state !== "open") return { ok: false, state };
  const url = await writeOnce(sender.id, formKey, async (tx, effects) => {
    const id = await startConversation(
      {
        kind: "inquiry",
        subject: recipient.subject,
        starterId: sender.id,
        owner: recipient.owner,
        about: recipient.about,
        body,
        notice: { key: "notify.inquiry", params: { name: sender.name, title: recipient.subject } },
      },
      tx,
      effects,
    );
    return conversationUrl(id);
  });
  return { ok: true, url };
}
