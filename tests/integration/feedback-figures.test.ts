import { describe, expect, test } from "vitest";
import {
  feedbackOf,
  invitationsAnsweredOf,
  MIN_RESPONSES,
  shownFeedback,
  shownInvitationsAnswered,
} from "~/models/responsiveness.server";
import { prisma } from "~/db/client.server";
import { hex, makeOrganization, makeUser } from "../factories";

/**
 * Both sides' figures on a fixture with known times: the business's share of responses given
 * feedback within the window and its median days, the researcher's share of invitations answered.
 */

const DAY = 86_400_000;
const NOW = Date.now();
const at = (days: number) => new Date(NOW + days * DAY);

async function expert() {
  const user = await makeUser({ label: "researcher", accountType: "researcher", password: null });
  const profile = await prisma.expertProfile.create({
    data: { userId: user.id, slug: `expert-${hex()}`, fullName: `Expert ${hex()}`, status: "published" },
  });
  return { user, profile };
}

async function request(authorId: string, deadline: Date, organizationId: string | null = null) {
  return prisma.techRequest.create({
    data: {
      authorId,
      organizationId,
      companyName: "Công ty",
      sector: "manufacturing",
      companySize: "small",
      title: `Đặt hàng ${hex()}`,
      problem: "P",
      desiredOutcome: "O",
      trl: 4,
      budget: "to_discuss",
      deadline,
      status: deadline.getTime() < NOW ? "expired" : "open",
    },
  });
}

/** A response sent at `sent` and given feedback at `feedback` (or never). */
async function response(requestId: string, sent: Date, feedback: Date | null) {
  const { user, profile } = await expert();
  return prisma.requestResponse.create({
    data: {
      requestId,
      responderId: user.id,
      expertId: profile.id,
      approach: "A",
      experience: "B",
      timeline: "C",
      status: feedback ? "declined" : "submitted",
      feedbackAt: feedback,
      createdAt: sent,
    },
  });
}

describe("the business side", () => {
  test("share given feedback within the window and median days, per organization or author", async () => {
    const author = await makeUser({ label: "business", password: null });
    const organization = await makeOrganization({ label: "requester" });
    // Deadline 30 days ago: the window closed 16 days ago. Sent 10 days before the deadline,
    // answered after 2, 4 and 6 days; one answered after its window (missed); one never (missed).
    const closed = await request(author.id, at(-30), organization.id);
    await response(closed.id, at(-40), at(-38));
    await response(closed.id, at(-40), at(-36));
    await response(closed.id, at(-40), at(-34));
    await response(closed.id, at(-40), at(-10));
    await response(closed.id, at(-40), null);
    // Window still open (deadline 5 days ago): not counted yet, answered or not.
    const open = await request(author.id, at(-5), organization.id);
    await response(open.id, at(-8), at(-6));
    await response(open.id, at(-8), null);
    // Older than twelve months: not counted.
    const old = await request(author.id, at(-420), organization.id);
    await response(old.id, at(-430), null);
    // The same author without the listing: their own account's figure, not the organization's.
    const own = await request(author.id, at(-60));
    for (let i = 0; i < 4; i++) await response(own.id, at(-70), at(-69));

    expect(await feedbackOf({ organizationId: organization.id })).toEqual({ count: 5, answered: 3, medianDays: 4 });
    expect(await shownFeedback({ organizationId: organization.id })).toEqual({ count: 5, answered: 3, medianDays: 4 });
    // Four responses: below the minimum, nothing is shown.
    expect(MIN_RESPONSES).toBe(5);
    expect(await feedbackOf({ authorId: author.id })).toEqual({ count: 4, answered: 4, medianDays: 1 });
    expect(await shownFeedback({ authorId: author.id })).toBeNull();
    // A response whose window is open counts once the window closes (here: seen 10 days later).
    const later = await feedbackOf({ organizationId: organization.id }, prisma, at(10));
    expect(later).toEqual({ count: 7, answered: 4, medianDays: 3 });
  });
});

describe("the researcher side", () => {
  test("share of invitations answered by a response or a 'not for me'; open unanswered ones wait", async () => {
    const { user, profile } = await expert();
    const business = await makeUser({ label: "business", password: null });
    const invite = async (deadline: Date, createdAt = at(-50)) => {
      const row = await request(business.id, deadline);
      await prisma.invitation.create({
        data: { requestId: row.id, expertId: profile.id, invitedById: business.id, createdAt },
      });
      return row;
    };
    for (let i = 0; i < 3; i++) {
      const row = await invite(at(-20));
      await prisma.requestResponse.create({
        data: {
          requestId: row.id,
          responderId: user.id,
          expertId: profile.id,
          approach: "A",
          experience: "B",
          timeline: "C",
        },
      });
    }
    const declined = await invite(at(-20));
    await prisma.requestDecline.create({
      data: { requestId: declined.id, expertId: profile.id, reason: "no_capacity" },
    });
    await invite(at(-20)); // unanswered, deadline passed: missed
    await invite(at(10)); // unanswered, still open: not counted yet
    await invite(at(-400), at(-420)); // older than twelve months

    expect(await invitationsAnsweredOf(profile.id)).toEqual({ count: 5, answered: 4 });
    expect(await shownInvitationsAnswered(profile.slug)).toEqual({ count: 5, answered: 4 });
    // Once the open one's deadline passes unanswered, it counts as missed.
    expect(await invitationsAnsweredOf(profile.id, prisma, at(11))).toEqual({ count: 6, answered: 4 });
    const other = await expert();
    expect(await shownInvitationsAnswered(other.profile.slug)).toBeNull();
  });
});
