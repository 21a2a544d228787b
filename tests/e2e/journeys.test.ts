import { describe, expect, test } from "vitest";
import { pick, translator, type Translate } from "~/i18n/i18n";
import { useBrowser } from "./browser";
import { makeUser, PASSWORD } from "../factories";
import { mailedConfirmationPath, portalDb, signInAs } from "./fixtures";
import { journeyCamera, VARIANTS, type Variant } from "./journey-shots";
import { makeRequest, makeResearcher, word } from "./world";

/**
 * The three journeys people take (issue 14): a founder on a phone, a scientist,
 * and a business with an official; each on a phone in Vietnamese and on a desktop
 * in English, with a full-page screenshot of every step (see journey-shots.ts).
 * Everything is found by its own unique title or name, never by position.
 */
const { openPage } = useBrowser();
type Page = import("playwright-core").Page;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const starting = (text: string) => new RegExp(`^${escapeRegExp(text)}`);

/** A browser at the variant's size, signed in as `userId` if given, in the variant's language (set with the switch). */
async function openAs(variant: Variant, userId?: string) {
  const page = await openPage(variant.context);
  if (userId) await signInAs(userId, page.context());
  await page.goto("/");
  if (variant.lang === "en") {
    await page.getByRole("button", { name: /English/ }).click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
  }
  return page;
}

type Shoot = (page: Page, name: string, caption: string) => Promise<void>;

/** Follows a header link: on a phone, through the menu, which closes on the new page. */
async function follow(page: Page, variant: Variant, t: Translate, name: string) {
  if (!variant.phone) {
    await page
      .getByRole("navigation", { name: t("nav.main") })
      .getByRole("link", { name: starting(name) })
      .click();
    return;
  }
  const menu = page.getByRole("navigation", { name: t("nav.menu") });
  const before = page.url();
  await page.getByText(t("nav.menu")).first().click();
  await menu.getByRole("link", { name: starting(name) }).click();
  await page.waitForURL((url) => url.href !== before);
  await expect.poll(() => menu.isVisible()).toBe(false);
}

async function visible(page: Page, text: string | RegExp) {
  await expect.poll(() => page.getByText(text).first().isVisible()).toBe(true);
}

/** A field of the taxonomy, with its group, as the picker names them in this language. */
async function fieldNames(slug: string, lang: Variant["lang"]) {
  const field = await portalDb().field.findUniqueOrThrow({ where: { slug }, include: { parent: true } });
  return {
    group: pick(lang, field.parent!.nameVi, field.parent!.nameEn),
    field: pick(lang, field.nameVi, field.nameEn),
  };
}

async function pickField(page: Page, slug: string, lang: Variant["lang"]) {
  const names = await fieldNames(slug, lang);
  await page.getByText(names.group, { exact: true }).click();
  await page.getByLabel(names.field, { exact: true }).check();
}

/** Sign-up through the form and the mailed link; the camera sees the form, the "check your mail" page and the link's page. */
async function signUp(
  page: Page,
  variant: Variant,
  t: Translate,
  shot: Shoot,
  person: { type: "business" | "researcher"; name: string; email: string },
) {
  await follow(page, variant, t, t("nav.signUp"));
  await page.waitForURL(/\/signup/);
  await page.getByLabel(t(`auth.accountType.${person.type}`)).check();
  await page.getByLabel(t("auth.name")).fill(person.name);
  await page.getByLabel(t("auth.email")).fill(person.email);
  await page.getByLabel(t("auth.password"), { exact: true }).fill(PASSWORD);
  await page.getByLabel(t("auth.confirmPassword")).fill(PASSWORD);
  await shot(page, "signup-form", "Fills in the sign-up form");
  await page.getByRole("button", { name: t("auth.signUp.submit") }).click();
  await visible(page, t("auth.signUp.sent", { email: person.email }));
  await shot(page, "check-mail", "Is asked to open the link mailed to her address");
  // The link from the mail, opened in the same browser.
  await page.goto(await mailedConfirmationPath(person.email));
  await expect.poll(() => page.getByRole("heading", { name: t("auth.confirm.title") }).isVisible()).toBe(true);
  await shot(page, "confirm", "Opens the mailed link");
  await page.getByRole("button", { name: t("auth.confirm.submit") }).click();
}

/** The new request form, filled as a business would, with a sector picked; ends on the pending request. */
async function postRequest(
  page: Page,
  t: Translate,
  lang: Variant["lang"],
  request: { title: string; field: string; sector: string; company: string },
) {
  await page.getByLabel(t("request.titleField"), { exact: true }).fill(request.title);
  await page
    .getByLabel(t("request.problem"))
    .fill(
      "Cần một giải pháp đã thử nghiệm, làm được ở quy mô xưởng nhỏ, chi phí hợp lý; có thể thử tại cơ sở của chúng tôi ở Hà Nội.",
    );
  await page
    .getByLabel(t("request.desiredOutcome"))
    .fill("Quy trình được thử nghiệm, chuyển giao và hướng dẫn cho kỹ thuật viên.");
  await pickField(page, request.field, lang);
  await page.getByLabel(t("requester.name"), { exact: true }).fill(request.company);
  await page.getByLabel(t("request.sector"), { exact: true }).selectOption(request.sector);
}

const PROPOSAL = {
  approach: (token: string) =>
    `Màng phủ sinh học chitosan ${token}, thử trên ba loại rau quả trong kho lạnh, đo hao hụt mỗi tuần.`,
  experience: "Mười năm nghiên cứu bảo quản sau thu hoạch; hai quy trình đã chuyển giao.",
  timeline: "6 tháng",
};

async function sendProposal(page: Page, t: Translate, approach: string) {
  await page.getByLabel(t("response.approach")).fill(approach);
  await page.getByLabel(t("response.experience")).fill(PROPOSAL.experience);
  await page.getByLabel(t("response.timeline")).fill(PROPOSAL.timeline);
}

describe.each(VARIANTS)("journeys, $id", (variant) => {
  const t = translator(variant.lang);
  const lang = variant.lang;

  test(
    "a founder: searches, narrows, reads a listing's contacts, signs up, posts a request",
    { timeout: 120_000 },
    async () => {
      const { shot } = journeyCamera("founder", variant);
      const token = word(6);
      const email = `founder.${token}@startup.example.vn`;
      const lab = await portalDb().organization.findUniqueOrThrow({
        where: { slug: "vnu-key-lab-micro-nano" },
        include: { parent: true },
      });
      const labName = pick(lang, lab.nameVi, lab.nameEn);
      const parentName = pick(lang, lab.parent!.nameVi, lab.parent!.nameEn);

      const page = await openAs(variant);
      await expect.poll(() => page.getByRole("heading", { level: 1, name: t("home.title") }).isVisible()).toBe(true);
      await shot(page, "home", "Lands on the home page");

      // Plain Vietnamese without tone marks, as typed on a phone.
      await page.getByLabel(t("home.searchLabel")).fill("vat lieu");
      await page.getByRole("button", { name: t("home.searchButton") }).click();
      await page.waitForURL(/\/directory\?q=vat\+lieu/);
      await expect.poll(() => page.getByRole("status").first().innerText()).toContain("“vat lieu”");
      await expect
        .poll(() =>
          page
            .getByRole("link", { name: /Đại học Bách khoa Hà Nội|Hanoi University of Science and Technology/ })
            .first()
            .isVisible(),
        )
        .toBe(true);
      await shot(page, "search", "Searches “vat lieu” (materials) without diacritics");

      if (variant.phone) await page.getByText(t("directory.filters"), { exact: true }).click();
      await page.getByRole("checkbox", { name: starting(t("kinds.lab")) }).check();
      await page.waitForURL(/kind=lab/);
      await expect
        .poll(() =>
          page.getByRole("link", { name: t("directory.removeFilter", { label: t("kinds.lab") }) }).isVisible(),
        )
        .toBe(true);
      await expect.poll(() => page.getByRole("link", { name: labName }).first().isVisible()).toBe(true);
      await shot(page, "facet-labs", "Narrows to laboratories with the kind facet");

      await page.getByRole("link", { name: labName }).first().click();
      await page.waitForURL(/\/organizations\/vnu-key-lab-micro-nano$/);
      await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toContain(labName);
      await expect.poll(() => page.getByRole("region", { name: t("org.contact") }).isVisible()).toBe(true);
      await shot(page, "listing", "Opens a lab's listing and its contact block");

      // The lab lists no contacts of its own: the university it belongs to does.
      await page.getByRole("link", { name: parentName, exact: true }).first().click();
      await page.waitForURL(new RegExp(`/organizations/${lab.parent!.slug}$`));
      const contact = page.getByRole("region", { name: t("org.contact") });
      await expect
        .poll(() =>
          contact
            .getByRole("link", { name: /^0\d[\d\s\u00a0]+$/ })
            .first()
            .isVisible(),
        )
        .toBe(true);
      expect(await contact.innerText()).toContain(t("org.fullAddress"));
      await shot(page, "parent-contact", "Follows “part of” to the university: address, switchboard, map link");

      await signUp(page, variant, t, shot, { type: "business", name: `Lê Minh ${token}`, email });
      await page.waitForURL(/\/requests\/new$/);
      const title = `Vật liệu composite nhẹ cho vỏ thiết bị ${token}`;
      await postRequest(page, t, lang, {
        title,
        field: "nanomaterials",
        sector: "manufacturing",
        company: `Công ty Khởi nghiệp ${token}`,
      });
      expect(await page.getByLabel(t("request.sector"), { exact: true }).inputValue()).toBe("manufacturing");
      await shot(page, "request-form", "Posts a technology request, picking a sector");
      await page.getByRole("button", { name: t("request.submit") }).click();
      await page.waitForURL(/\/requests\/[a-z0-9]+$/);
      await visible(page, t("request.pendingNotice"));
      await shot(page, "request-pending", "The request waits for an official's review");

      await follow(page, variant, t, t("nav.account"));
      await page.getByRole("link", { name: t("account.myRequests") }).click();
      await page.waitForURL(/\/me\/requests$/);
      const mine = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: title }) });
      await expect.poll(() => mine.getByText(t("request.status.pending"), { exact: true }).isVisible()).toBe(true);
      await shot(page, "my-requests", "Sees it pending in “my requests”");
    },
  );

  test(
    "a scientist: signs up, publishes her expertise, finds an open request, proposes, reads a notification",
    { timeout: 120_000 },
    async () => {
      const { shot } = journeyCamera("scientist", variant);
      const token = word(8);
      const email = `nha.khoa.hoc.${token}@hus.example.vn`;
      const official = await makeUser({ label: "journey-official", role: "curator" });
      const owner = await makeUser({ label: "journey-owner" });
      const request = await makeRequest(owner.id, { reviewerId: official.id });

      const page = await openAs(variant);
      await signUp(page, variant, t, shot, { type: "researcher", name: `Phạm Thu Hà ${token}`, email });
      await page.waitForURL(/\/me\/profile$/);
      await expect.poll(() => page.getByRole("heading", { level: 1, name: t("profile.title") }).isVisible()).toBe(true);
      await page.getByLabel(t("profile.affiliation")).fill("HUS");
      await page
        .getByLabel(t("profile.position"))
        .fill(lang === "vi" ? "Nghiên cứu viên chính" : "Principal researcher");
      await pickField(page, "food-technology", lang);
      await page.getByLabel(t("profile.keywords")).fill("bảo quản sau thu hoạch, màng phủ sinh học, chitosan");
      const bio =
        lang === "vi"
          ? "Nghiên cứu màng phủ sinh học để bảo quản rau quả tươi sau thu hoạch."
          : "Researches edible coatings that keep fresh produce longer after harvest.";
      await page.getByLabel(t(lang === "vi" ? "profile.bioVi" : "profile.bioEn")).fill(bio);
      await shot(page, "profile-form", "Describes her expertise");
      await page.getByRole("button", { name: t("profile.publish") }).click();
      await visible(page, t("profile.published"));
      await shot(page, "profile-published", "Her profile is public");

      // The open request, found by a word of its title (the index follows the database through the outbox).
      await follow(page, variant, t, t("nav.requests"));
      await page.waitForURL(/\/requests$/);
      await expect
        .poll(async () => {
          await page.goto(`/requests?q=${request.titleToken}`);
          return page.getByRole("link", { name: request.title }).count();
        })
        .toBeGreaterThan(0);
      await page.getByLabel(t("requests.searchLabel")).fill(request.titleToken);
      await shot(page, "open-requests", "Finds an open request by searching");
      await page.getByRole("link", { name: request.title }).first().click();
      await page.waitForURL(new RegExp(`/requests/${request.id}$`));

      const approach = PROPOSAL.approach(token);
      await sendProposal(page, t, approach);
      await shot(page, "proposal-form", "Writes a short proposal");
      await page.getByRole("button", { name: t("response.submit") }).click();
      await visible(page, t("response.sent"));
      await expect.poll(() => page.getByRole("heading", { name: t("response.yours") }).isVisible()).toBe(true);
      await visible(page, approach);
      await shot(page, "own-proposal", "Sees her own proposal afterwards");

      // The business starts screening it (in its own browser): she is told.
      const business = await openAs(variant, owner.id);
      await business.goto(`/requests/${request.id}`);
      const hers = business.getByRole("listitem").filter({ hasText: approach });
      await hers.getByRole("button", { name: t("response.move.screening") }).click();
      await expect
        .poll(() =>
          business
            .getByRole("listitem")
            .filter({ hasText: approach })
            .getByText(t("response.status.screening"), { exact: true })
            .isVisible(),
        )
        .toBe(true);

      await page.reload();
      await follow(page, variant, t, t("nav.notifications"));
      await page.waitForURL(/\/notifications$/);
      const notice = t("notify.responseMoved.screening", { title: request.title });
      await visible(page, notice);
      await shot(page, "notifications", "Reads a notification: the business is screening her proposal");
      await page.getByRole("link", { name: notice }).click();
      await page.waitForURL(new RegExp(`/requests/${request.id}`));
      await visible(page, approach);
      await expect
        .poll(() => page.getByText(t("response.status.screening"), { exact: true }).first().isVisible())
        .toBe(true);
      await shot(page, "proposal-screening", "Her proposal, now being screened");
    },
  );

  test(
    "a business with an official: posted, approved, answered, accepted, discussed, and in the audit log",
    { timeout: 120_000 },
    async () => {
      const { shot } = journeyCamera("business-official", variant);
      const token = word(8);
      const businessUser = await makeUser({ label: "journey-business" });
      const officialUser = await makeUser({ label: "journey-official", role: "curator" });
      const researcher = await makeResearcher("journey-researcher");

      // The business posts a request.
      const business = await openAs(variant, businessUser.id);
      await follow(business, variant, t, t("nav.requests"));
      await business
        .getByRole("link", { name: t("requests.new") })
        .first()
        .click();
      await business.waitForURL(/\/requests\/new$/);
      const title = `Bảo quản thanh long xuất khẩu ${token}`;
      await postRequest(business, t, lang, {
        title,
        field: "food-technology",
        sector: "agriculture_food",
        company: `Công ty Nông sản ${token}`,
      });
      await shot(business, "business-request-form", "Business: posts a request");
      await business.getByRole("button", { name: t("request.submit") }).click();
      await business.waitForURL(/\/requests\/[a-z0-9]+$/);
      await visible(business, t("request.pendingNotice"));
      const requestPath = new URL(business.url()).pathname;
      await shot(business, "business-request-pending", "Business: the request waits for review");

      // The official is told, sees the review queue, and approves it from the request itself.
      const official = await openAs(variant, officialUser.id);
      await follow(official, variant, t, t("nav.notifications"));
      await visible(official, t("notify.requestToReview", { title }));
      await shot(official, "official-notified", "Official: told a request waits for review");
      await follow(official, variant, t, t("nav.admin"));
      // The tile's name is its count, then its title.
      await official.getByRole("link", { name: new RegExp(`^\\d+ ${escapeRegExp(t("queue.title"))}$`) }).click();
      await expect
        .poll(() => official.getByRole("heading", { level: 1, name: t("queue.title") }).isVisible())
        .toBe(true);
      await shot(official, "official-queue", "Official: the review queue");
      // The queue lists the 50 oldest; the official opens this one directly.
      await official.goto(requestPath);
      const review = official.getByRole("region", { name: t("admin.requests") });
      await expect.poll(() => review.isVisible()).toBe(true);
      await visible(official, t("request.pendingReviewNotice"));
      await shot(official, "official-review", "Official: reviews the request");
      await review.getByRole("button", { name: t("admin.approve") }).click();
      await expect
        .poll(() => official.getByText(t("request.status.open"), { exact: true }).first().isVisible())
        .toBe(true);
      await shot(official, "official-approved", "Official: approved, the request is open");

      // A researcher responds.
      const scientist = await openAs(variant, researcher.id);
      await scientist.goto(requestPath);
      const approach = PROPOSAL.approach(token);
      await sendProposal(scientist, t, approach);
      await scientist.getByRole("button", { name: t("response.submit") }).click();
      await visible(scientist, t("response.sent"));
      await shot(scientist, "researcher-proposal", "Researcher: sends a proposal");

      // The business screens and accepts it: a match.
      await business.goto(requestPath);
      const proposal = () => business.getByRole("listitem").filter({ hasText: approach });
      await expect.poll(() => proposal().isVisible()).toBe(true);
      await shot(business, "business-responses", "Business: reads the proposal");
      await proposal()
        .getByRole("button", { name: t("response.move.screening") })
        .click();
      await expect
        .poll(() => proposal().getByText(t("response.status.screening"), { exact: true }).isVisible())
        .toBe(true);
      await proposal()
        .getByRole("button", { name: t("response.move.shortlisted") })
        .click();
      await expect
        .poll(() => proposal().getByText(t("response.status.shortlisted"), { exact: true }).isVisible())
        .toBe(true);
      await shot(business, "business-shortlisted", "Business: screens and shortlists it");
      await proposal()
        .getByRole("button", { name: t("response.move.accepted") })
        .click();
      await business.waitForURL(/\/messages\/[a-z0-9]+$/);
      const matchPath = new URL(business.url()).pathname;

      // They talk in the match's conversation.
      const hello = `Chào chị, mời chị đến xưởng đóng gói tuần sau ${token}.`;
      await business.getByLabel(t("match.message")).fill(hello);
      await business.getByRole("button", { name: t("match.send"), exact: true }).click();
      await visible(business, hello);
      await shot(business, "business-message", "Business: accepts, and writes in the conversation");
      await scientist.goto(matchPath);
      await visible(scientist, hello);
      const reply = `Rất sẵn lòng, thứ Ba được không ạ? ${token}`;
      await scientist.getByLabel(t("match.message")).fill(reply);
      await scientist.getByRole("button", { name: t("match.send"), exact: true }).click();
      await visible(scientist, reply);
      await shot(scientist, "researcher-reply", "Researcher: reads it and replies");
      await business.reload();
      await visible(business, reply);
      await shot(business, "business-reads-reply", "Business: reads the reply");

      // The official finds the approval in the audit log, filtered to her own actions.
      await official.goto("/admin");
      await official.getByRole("link", { name: t("audit.title") }).click();
      await official.getByLabel(t("audit.actor")).selectOption({ label: officialUser.name });
      await official.getByRole("button", { name: t("audit.filter") }).click();
      await official.waitForURL(/actor=/);
      const entry = official.getByRole("listitem").filter({ has: official.getByRole("link", { name: title }) });
      await expect
        .poll(() => entry.getByText(t("audit.action.request.approve"), { exact: true }).isVisible())
        .toBe(true);
      await shot(official, "official-audit-log", "Official: the audit log shows the approval");
    },
  );
});
