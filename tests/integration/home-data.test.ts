import { describe, expect, test } from "vitest";
import { prisma } from "~/db/client.server";
import { countPublishedByArea } from "~/models/field.server";
import { countPublishedByKind, featuredOrganizations } from "~/models/organization.server";
import { makeOrganization } from "../factories";
import { orderAgainstTimer } from "./helpers";

/**
 * The home page's figures: listings per kind and per area, and the day's featured
 * listings. Counted on the read workers: at 100,000 listings the three took half a
 * second of the app's one thread each time the page's kept figures were renewed.
 */
describe("the home page's figures", () => {
  test("count published listings per kind and per area, and feature verified research listings", async () => {
    const area = await prisma.field.create({ data: { slug: "home-area", nameVi: "Vùng", nameEn: "Area" } });
    const field = await prisma.field.create({
      data: { slug: "home-field", nameVi: "Lĩnh vực", nameEn: "Field", parentId: area.id },
    });
    const [kinds, areas] = await Promise.all([countPublishedByKind(), countPublishedByArea()]);
    await makeOrganization({ label: "home-lab", kind: "lab", fieldIds: [field.id], verified: true });
    await makeOrganization({ label: "home-draft", kind: "lab", fieldIds: [field.id], status: "draft" });
    await makeOrganization({ label: "home-university", kind: "university", fieldIds: [field.id] });
    const [kindsAfter, areasAfter] = await Promise.all([countPublishedByKind(), countPublishedByArea()]);
    expect(kindsAfter.lab).toBe((kinds.lab ?? 0) + 1);
    expect(kindsAfter.university).toBe((kinds.university ?? 0) + 1);
    expect(areas["home-area"]).toBeUndefined();
    expect(areasAfter["home-area"]).toBe(2);

    const featured = await featuredOrganizations(6);
    expect(featured.length).toBeGreaterThan(0);
    expect(
      featured.every((card) => card.verified && ["lab", "institute", "incubator", "startup"].includes(card.kind)),
    ).toBe(true);
  });

  test("are counted off the app's thread: a timer set after the calls fires before they come", async () => {
    const { order } = await orderAgainstTimer(() =>
      Promise.all([countPublishedByKind(), countPublishedByArea(), featuredOrganizations(6)]),
    );
    expect(order).toEqual(["timer", "work"]);
  });
});
