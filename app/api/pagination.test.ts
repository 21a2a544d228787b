import { describe, expect, test } from "vitest";
import { listEnvelope } from "./pagination";

const url = new URL("https://portal.example/api/v1/organizations?kind=lab&kind=institute&perPage=10&page=2");

describe("listEnvelope", () => {
  test("links keep the filters and change only the page", () => {
    const page = listEnvelope(url, { page: 2, perPage: 10 }, { total: 35, degraded: false }, ["x"]);
    expect(page).toEqual({
      data: ["x"],
      page: 2,
      perPage: 10,
      total: 35,
      totalPages: 4,
      degraded: false,
      links: {
        self: url.toString(),
        next: "https://portal.example/api/v1/organizations?kind=lab&kind=institute&perPage=10&page=3",
        prev: "https://portal.example/api/v1/organizations?kind=lab&kind=institute&perPage=10&page=1",
      },
    });
  });

  test("the first and last pages have no prev and no next", () => {
    const only = listEnvelope(
      new URL("https://portal.example/api/v1/experts"),
      { page: 1, perPage: 20 },
      { total: 7, degraded: true },
      [],
    );
    expect(only).toMatchObject({ totalPages: 1, degraded: true, links: { next: null, prev: null } });
    expect(listEnvelope(url, { page: 1, perPage: 10 }, { total: 0, degraded: false }, []).totalPages).toBe(0);
  });

  test("pages stop at the engine's 10,000th hit", () => {
    const page = listEnvelope(url, { page: 100, perPage: 100 }, { total: 250_000, degraded: false }, []);
    expect(page).toMatchObject({ total: 250_000, totalPages: 100, links: { next: null } });
  });
});
