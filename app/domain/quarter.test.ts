import { describe, expect, test } from "vitest";
import { isQuarter, quarterDays, quarterOfDay, quartersBetween, shiftQuarter } from "./quarter";
import { agreementSteps, signedOnProblem } from "./agreement";

describe("quarters", () => {
  test("are told from days and bound by their first days", () => {
    expect(quarterOfDay("2026-12-31")).toBe("2026-Q4");
    expect(quarterOfDay("2026-04-01")).toBe("2026-Q2");
    expect(quarterDays("2026-Q4")).toEqual({ first: "2026-10-01", next: "2027-01-01" });
    expect(shiftQuarter("2026-Q1", -1)).toBe("2025-Q4");
    expect(quartersBetween("2025-Q3", "2026-Q2")).toEqual(["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"]);
    expect(quartersBetween("2026-Q2", "2025-Q3")).toEqual([]);
    expect(isQuarter("2026-Q5")).toBe(false);
    expect(isQuarter("2026-Q4")).toBe(true);
  });
});

describe("an agreement", () => {
  test("is signed on a real day between the conversation's start and today", () => {
    expect(signedOnProblem("2026-02-30", "2026-01-01", "2026-12-06")).toBe("invalid");
    expect(signedOnProblem("2026-12-07", "2026-01-01", "2026-12-06")).toBe("future");
    expect(signedOnProblem("2025-12-31", "2026-01-01", "2026-12-06")).toBe("beforeConversation");
    expect(signedOnProblem("2026-12-06", "2026-01-01", "2026-12-06")).toBeNull();
  });

  test("is confirmed by the other side and withdrawn only by its recorder, while pending", () => {
    expect(agreementSteps("pending", { recordedIt: true, onRecorderSide: true })).toEqual(["withdraw"]);
    expect(agreementSteps("pending", { recordedIt: false, onRecorderSide: true })).toEqual([]);
    expect(agreementSteps("pending", { recordedIt: false, onRecorderSide: false })).toEqual(["confirm", "dispute"]);
    expect(agreementSteps("confirmed", { recordedIt: false, onRecorderSide: false })).toEqual([]);
  });
});
