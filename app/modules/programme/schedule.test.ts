import { describe, expect, it } from "vitest";
import { festivalWindow, readProgramme, sessionState, validateSession, type SessionWindow } from "./schedule";
import type { Phase } from "../festivals/clock";

const H = 3_600_000;
const phases: Phase[] = [
  { kind: "registration", startsAt: 0, endsAt: 10 * H },
  { kind: "warmup", startsAt: 10 * H, endsAt: 20 * H },
  { kind: "sale", startsAt: 20 * H, endsAt: 40 * H },
];
const a: SessionWindow = { id: 1, channel: "main-stage", startsAt: 21 * H, endsAt: 22 * H };
const b: SessionWindow = { id: 2, channel: "studio", startsAt: 21 * H, endsAt: 23 * H };
const c: SessionWindow = { id: 3, channel: "main-stage", startsAt: 25 * H, endsAt: 26 * H };

describe("the programme clock", () => {
  it("moves a session from next to on now to ended across its start and end", () => {
    expect(sessionState(a, 21 * H - 1)).toBe("upcoming");
    expect(sessionState(a, 21 * H)).toBe("onNow");
    expect(sessionState(a, 22 * H - 1)).toBe("onNow");
    expect(sessionState(a, 22 * H)).toBe("ended");
  });
  it("reads on now, next and the next boundary", () => {
    const before = readProgramme([c, b, a], 20 * H);
    expect(before.onNow).toEqual([]);
    expect(before.next.map((s) => s.id)).toEqual([1, 2]);
    expect(before.nextBoundary).toBe(21 * H);
    const during = readProgramme([c, b, a], 21.5 * H);
    expect(during.onNow.map((s) => s.id)).toEqual([1, 2]);
    expect(during.next.map((s) => s.id)).toEqual([3]);
    expect(during.nextBoundary).toBe(22 * H);
    expect(readProgramme([a], 23 * H)).toEqual({ onNow: [], next: [], nextBoundary: null });
  });
});

describe("scheduling rules", () => {
  it("keeps sessions inside the shopper-facing phases", () => {
    expect(festivalWindow(phases)).toEqual({ startsAt: 10 * H, endsAt: 40 * H });
    expect(validateSession({ channel: "studio", startsAt: 5 * H, endsAt: 6 * H }, phases, [], 0)).toEqual([{ code: "outsideFestival" }]);
    expect(validateSession({ channel: "studio", startsAt: 39 * H, endsAt: 41 * H }, phases, [], 0)).toEqual([{ code: "outsideFestival" }]);
  });
  it("refuses an overlap on the same channel only", () => {
    expect(validateSession({ channel: "main-stage", startsAt: 21.5 * H, endsAt: 23 * H }, phases, [a, b], 0)).toEqual([{ code: "overlap", otherId: 1 }]);
    expect(validateSession({ channel: "lecture-hall", startsAt: 21.5 * H, endsAt: 23 * H }, phases, [a, b], 0)).toEqual([]);
    // Back to back is not an overlap.
    expect(validateSession({ channel: "main-stage", startsAt: 22 * H, endsAt: 23 * H }, phases, [a], 0)).toEqual([]);
  });
  it("refuses an end before the start and a session that has started", () => {
    expect(validateSession({ channel: "studio", startsAt: 22 * H, endsAt: 21 * H }, phases, [], 0)).toEqual([{ code: "endBeforeStart" }]);
    expect(validateSession({ channel: "studio", startsAt: 22 * H, endsAt: 23 * H }, phases, [], 22 * H)).toEqual([{ code: "alreadyStarted" }]);
  });
});
