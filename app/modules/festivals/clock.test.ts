import { describe, expect, it } from "vitest";
import { countdownTarget, isSaleLive, readClock, validatePhases, type Phase } from "./clock";

const h = 3_600_000;
const t0 = Date.UTC(2026, 10, 11, 16, 0); // 00:00 on 11.11 in Beijing (UTC+8)
const phases: Phase[] = [
  { kind: "warmup", startsAt: t0 - 48 * h, endsAt: t0 },
  { kind: "sale", startsAt: t0, endsAt: t0 + 24 * h },
  { kind: "encore", startsAt: t0 + 24 * h, endsAt: t0 + 48 * h },
];

describe("festival clock", () => {
  it("is upcoming before anything starts, pointing at the first boundary", () => {
    const r = readClock(phases, t0 - 72 * h);
    expect(r.state).toBe("upcoming");
    expect(r.nextBoundary).toBe(t0 - 48 * h);
  });
  it("walks through warm-up, live and encore on the exact boundaries", () => {
    expect(readClock(phases, t0 - 1).state).toBe("warmup");
    expect(readClock(phases, t0).state).toBe("live");
    expect(readClock(phases, t0).nextBoundary).toBe(t0 + 24 * h);
    expect(readClock(phases, t0 + 24 * h - 1).state).toBe("live");
    expect(readClock(phases, t0 + 24 * h).state).toBe("encore");
  });
  it("ends after the last phase, with no next boundary", () => {
    const r = readClock(phases, t0 + 48 * h);
    expect(r.state).toBe("ended");
    expect(r.nextBoundary).toBeNull();
  });
  it("prices deals only while the sale runs", () => {
    expect(isSaleLive(phases, t0 - 1)).toBe(false);
    expect(isSaleLive(phases, t0 + h)).toBe(true);
    expect(isSaleLive(phases, t0 + 25 * h)).toBe(false);
  });
});

describe("phase validation", () => {
  it("accepts a well-formed schedule", () => {
    expect(validatePhases(phases)).toEqual([]);
  });
  it("rejects a missing sale, an end before start and overlaps", () => {
    expect(validatePhases([{ kind: "warmup", startsAt: 0, endsAt: h }])).toContainEqual({ code: "sale_required" });
    expect(validatePhases([{ kind: "sale", startsAt: h, endsAt: h }])).toContainEqual({
      code: "end_before_start",
      kind: "sale",
    });
    const overlapping: Phase[] = [
      { kind: "warmup", startsAt: 0, endsAt: 2 * h },
      { kind: "sale", startsAt: h, endsAt: 3 * h },
    ];
    expect(validatePhases(overlapping).map((e) => e.code)).toContain("overlap");
  });

  describe("what the countdown counts to", () => {
    const withRegistration: Phase[] = [{ kind: "registration", startsAt: t0 - 96 * h, endsAt: t0 - 60 * h }, ...phases];
    const target = (list: Phase[], now: number) => countdownTarget(list, readClock(list, now), now);
    it("counts to the sale's start before it, not to the end of registration or warm-up", () => {
      expect(target(withRegistration, t0 - 72 * h)).toEqual({ kind: "saleStarts", at: t0, encore: null });
      expect(target(withRegistration, t0 - 1)).toEqual({ kind: "saleStarts", at: t0, encore: null });
    });
    it("counts to the sale's end while it runs, naming the encore that follows", () => {
      expect(target(phases, t0)).toEqual({ kind: "saleEnds", at: t0 + 24 * h, encore: phases[2] });
      expect(target(phases.slice(0, 2), t0)?.encore).toBeNull();
    });
    it("counts to the encore's start after a gap, then to its end, then to nothing", () => {
      const gap: Phase[] = [phases[1], { kind: "encore", startsAt: t0 + 30 * h, endsAt: t0 + 48 * h }];
      expect(target(gap, t0 + 25 * h)).toEqual({ kind: "encoreStarts", at: t0 + 30 * h, encore: null });
      expect(target(phases, t0 + 24 * h)).toEqual({ kind: "encoreEnds", at: t0 + 48 * h, encore: null });
      expect(target(phases, t0 + 48 * h)).toBeNull();
    });
  });
});
