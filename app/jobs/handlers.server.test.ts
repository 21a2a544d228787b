import { describe, expect, test } from "vitest";
import { PERIODIC_TASKS, periodicTasks } from "./handlers.server";

describe("periodic tasks", () => {
  test("all of them run unless PERIODIC_TASKS=off, which the bench's portals set", () => {
    expect(periodicTasks({})).toBe(PERIODIC_TASKS);
    expect(periodicTasks({ PERIODIC_TASKS: "on" })).toBe(PERIODIC_TASKS);
    expect(PERIODIC_TASKS.map((task) => task.name)).toContain("profile-reconfirmation");
    expect(periodicTasks({ PERIODIC_TASKS: "off" })).toEqual([]);
  });
});
