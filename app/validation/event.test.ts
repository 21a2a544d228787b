import { describe, expect, it } from "vitest";
import { parseProblem } from "./messages";
import { EventSchema } from "./event";

/** The event form's rules (docs/decisions/072), as the server and the browser both check them. */
const base = {
  kind: "demo_day",
  titleVi: "Ngày trình diễn khởi nghiệp",
  startsAt: "2031-06-12T09:00",
  endsAt: "2031-06-12T17:00",
  format: "in_person",
  venue: "Hội trường A",
  district: "cau-giay",
  fieldSlugs: "food-technology",
  meetingsOpen: "on",
  meetingMinutes: "30",
};

/** The message key at each field of a refused form. */
function problems(form: Record<string, unknown>) {
  const result = EventSchema.safeParse(form);
  if (result.success) return {};
  return Object.fromEntries(
    result.error.issues.map((issue) => [issue.path.join("."), parseProblem(issue.message).key]),
  ) as Record<string, string>;
}

describe("the event form", () => {
  it("reads a valid event: times as Hanoi time, seats, meetings", () => {
    const event = EventSchema.parse({ ...base, capacity: "1.200" });
    expect(event.startsAt.toISOString()).toBe("2031-06-12T02:00:00.000Z");
    expect(event.capacity).toBe(1200);
    expect(event.meetingsOpen).toBe(true);
    expect(event.meetingMinutes).toBe(30);
    expect(EventSchema.parse({ ...base, meetingsOpen: undefined }).meetingsOpen).toBe(false);
  });

  it("needs a title in either language, an end after the start, and not a season", () => {
    expect(problems({ ...base, titleVi: "" })).toEqual({ titleVi: "event.titleRequired" });
    expect(EventSchema.safeParse({ ...base, titleVi: "", titleEn: "Demo day" }).success).toBe(true);
    expect(problems({ ...base, endsAt: "2031-06-12T09:00" })).toEqual({ endsAt: "event.endBeforeStart" });
    expect(problems({ ...base, endsAt: "2031-08-12T09:00" })).toEqual({ endsAt: "event.tooLong" });
    expect(problems({ ...base, startsAt: "2031-02-30T09:00" })).toEqual({ startsAt: "event.timeInvalid" });
    expect(problems({ ...base, startsAt: "" })).toEqual({ startsAt: "form.required" });
  });

  it("asks a venue and an area in person, an https link online, both when hybrid", () => {
    expect(problems({ ...base, venue: "", district: "" })).toEqual({
      venue: "form.required",
      district: "form.required",
    });
    expect(problems({ ...base, format: "online", venue: "", district: "" })).toEqual({ onlineUrl: "form.required" });
    expect(problems({ ...base, format: "online", onlineUrl: "http://meet.example.vn/x" })).toEqual({
      onlineUrl: "event.httpsOnly",
    });
    expect(problems({ ...base, format: "hybrid", onlineUrl: "javascript:alert(1)" })).toMatchObject({
      onlineUrl: "form.url",
    });
    expect(EventSchema.parse({ ...base, format: "hybrid", onlineUrl: "meet.example.vn/x" }).onlineUrl).toBe(
      "https://meet.example.vn/x",
    );
    expect(problems({ ...base, district: "atlantis" })).toEqual({ district: "form.choose" });
  });

  it("takes seats as a positive whole number, and meeting lengths from the list", () => {
    expect(problems({ ...base, capacity: "0" })).toEqual({ capacity: "event.capacityPositive" });
    expect(problems({ ...base, capacity: "-5" })).toEqual({ capacity: "form.number" });
    expect(problems({ ...base, capacity: "12.5x" })).toEqual({ capacity: "form.number" });
    expect(problems({ ...base, capacity: "1000000" })).toEqual({ capacity: "event.capacityTooLarge" });
    expect(problems({ ...base, meetingMinutes: "25" })).toEqual({ meetingMinutes: "form.choose" });
    expect(problems({ ...base, kind: "party" })).toEqual({ kind: "form.choose" });
  });
});
