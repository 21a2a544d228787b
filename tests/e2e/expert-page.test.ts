import { expect, test } from "vitest";
import { httpClient } from "./http-client";
import { makeResearcher } from "./world";

test("a profile without publications or links shows no empty box for them", async () => {
  const researcher = await makeResearcher();
  const html = await (await httpClient().get(`/experts/${researcher.expert.slug}`)).text();
  // Every bordered box on the page has something in it.
  const boxes = [...html.matchAll(/<section[^>]*rounded-2xl[^>]*>([\s\S]*?)<\/section>/g)].map(
    (match) => match[1] ?? "",
  );
  expect(boxes.length).toBeGreaterThan(0);
  for (const box of boxes) expect(box.replace(/<[^>]+>/g, "").trim()).not.toBe("");
});
