import { describe, expect, it } from "vitest";
import {
  flashInsideSale,
  fromLocalInput,
  isValidTimeZone,
  nextPhase,
  readClock,
  registrationClosedAt,
  registrationOpen,
  toLocalInput,
  validatePhases,
  zoneOffsetMinutes,
  type Phase,
} from "./clock";

const h = 3_600_000;
const at = (value: string, zone: string) => {
  const r = fromLocalInput(value, zone);
  if (!r.ok) throw new Error(`${value} in ${zone}: ${r.error}`);
  return r.instant;
};

describe("local date-times in a festival's zone", () => {
  it("round-trips ordinary times in Beijing and Lagos", () => {
    expect(at("2026-11-11T00:00", "Asia/Shanghai")).toBe(Date.UTC(2026, 10, 10, 16, 0));
    expect(at("2026-11-11T00:00", "Africa/Lagos")).toBe(Date.UTC(2026, 10, 10, 23, 0));
    expect(toLocalInput(Date.UTC(2026, 10, 10, 16, 0), "Asia/Shanghai")).toBe("2026-11-11T00:00");
    expect(toLocalInput(Date.UTC(2026, 10, 10, 23, 0), "Africa/Lagos")).toBe("2026-11-11T00:00");
  });

  it("refuses a time skipped by Paris's spring-forward and takes the first of a repeated autumn hour", () => {
    expect(fromLocalInput("2026-03-29T02:30", "Europe/Paris")).toEqual({ ok: false, error: "nonexistent" });
    expect(at("2026-03-29T01:59", "Europe/Paris")).toBe(Date.UTC(2026, 2, 29, 0, 59));
    expect(at("2026-03-29T03:00", "Europe/Paris")).toBe(Date.UTC(2026, 2, 29, 1, 0));
    // 02:30 happens twice on 25 October; the first (summer time, UTC+2) is meant.
    expect(at("2026-10-25T02:30", "Europe/Paris")).toBe(Date.UTC(2026, 9, 25, 0, 30));
    expect(zoneOffsetMinutes(Date.UTC(2026, 6, 1), "Europe/Paris")).toBe(120);
    expect(zoneOffsetMinutes(Date.UTC(2026, 0, 1), "Europe/Paris")).toBe(60);
  });

  it("follows Cairo's daylight saving (midnight jump in April, repeated 23:00 in October)", () => {
    expect(fromLocalInput("2026-04-24T00:30", "Africa/Cairo")).toEqual({ ok: false, error: "nonexistent" });
    expect(at("2026-04-24T01:00", "Africa/Cairo")).toBe(Date.UTC(2026, 3, 23, 22, 0));
    expect(at("2026-10-29T23:30", "Africa/Cairo")).toBe(Date.UTC(2026, 9, 29, 20, 30));
    expect(zoneOffsetMinutes(Date.UTC(2026, 6, 1), "Africa/Cairo")).toBe(180);
    expect(zoneOffsetMinutes(Date.UTC(2026, 11, 1), "Africa/Cairo")).toBe(120);
  });

  it("rejects malformed values and unknown zones", () => {
    expect(fromLocalInput("2026-02-30T10:00", "Africa/Lagos")).toEqual({ ok: false, error: "invalid" });
    expect(fromLocalInput("tomorrow", "Africa/Lagos")).toEqual({ ok: false, error: "invalid" });
    expect(fromLocalInput("2026-02-10T10:00", "Mars/Olympus")).toEqual({ ok: false, error: "invalid" });
    expect(isValidTimeZone("Africa/Nairobi")).toBe(true);
    expect(isValidTimeZone("Not/AZone")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });
});

describe("a festival across a daylight-saving change", () => {
  // Paris: warm-up on the Saturday, the sale over the spring-forward night (a 23-hour day).
  const zone = "Europe/Paris";
  const phases: Phase[] = [
    { kind: "warmup", startsAt: at("2026-03-28T00:00", zone), endsAt: at("2026-03-29T00:00", zone) },
    { kind: "sale", startsAt: at("2026-03-29T00:00", zone), endsAt: at("2026-03-30T00:00", zone) },
  ];
  it("has a sale 23 hours long and reads the right state at each boundary", () => {
    expect(phases[1].endsAt - phases[1].startsAt).toBe(23 * h);
    expect(validatePhases(phases)).toEqual([]);
    expect(readClock(phases, phases[1].startsAt - 1).state).toBe("warmup");
    expect(readClock(phases, phases[1].startsAt).state).toBe("live");
    expect(readClock(phases, phases[1].startsAt).nextBoundary).toBe(phases[1].endsAt);
    expect(readClock(phases, phases[1].endsAt - 1).state).toBe("live");
    expect(readClock(phases, phases[1].endsAt).state).toBe("ended");
  });

  it("Cairo's autumn change makes the last day 25 hours long", () => {
    const sale: Phase = { kind: "sale", startsAt: at("2026-10-29T00:00", "Africa/Cairo"), endsAt: at("2026-10-30T00:00", "Africa/Cairo") };
    expect(sale.endsAt - sale.startsAt).toBe(25 * h);
    expect(readClock([sale], sale.startsAt + 24 * h).state).toBe("live");
  });
});

describe("festivals spanning midnight", () => {
  it("a Beijing sale from 20:00 to 02:00 is live across midnight and its boundaries are exact", () => {
    const zone = "Asia/Shanghai";
    const phases: Phase[] = [
      { kind: "warmup", startsAt: at("2026-11-10T12:00", zone), endsAt: at("2026-11-10T20:00", zone) },
      { kind: "sale", startsAt: at("2026-11-10T20:00", zone), endsAt: at("2026-11-11T02:00", zone) },
      { kind: "encore", startsAt: at("2026-11-11T02:00", zone), endsAt: at("2026-11-11T12:00", zone) },
    ];
    expect(validatePhases(phases)).toEqual([]);
    const midnight = at("2026-11-11T00:00", zone);
    expect(readClock(phases, midnight).state).toBe("live");
    expect(toLocalInput(phases[1].endsAt, zone)).toBe("2026-11-11T02:00");
    expect(readClock(phases, phases[1].endsAt).state).toBe("encore");
    expect(readClock(phases, phases[2].endsAt).state).toBe("ended");
    expect(readClock(phases, phases[2].endsAt).nextBoundary).toBeNull();
    expect(nextPhase(phases, midnight)?.kind).toBe("encore");
  });

  it("a Lagos sale crossing midnight is the same instants seen from Beijing's next day", () => {
    const sale: Phase = { kind: "sale", startsAt: at("2026-11-10T22:00", "Africa/Lagos"), endsAt: at("2026-11-11T04:00", "Africa/Lagos") };
    expect(toLocalInput(sale.startsAt, "Asia/Shanghai")).toBe("2026-11-11T05:00");
    expect(readClock([sale], at("2026-11-11T00:00", "Africa/Lagos")).state).toBe("live");
    expect(readClock([sale], sale.startsAt - 1)).toMatchObject({ state: "upcoming", nextBoundary: sale.startsAt });
    expect(readClock([sale], sale.endsAt)).toMatchObject({ state: "ended", nextBoundary: null });
  });
});

describe("registration and flash windows", () => {
  const sale: Phase = { kind: "sale", startsAt: 10 * h, endsAt: 20 * h };
  const registration: Phase = { kind: "registration", startsAt: 0, endsAt: 5 * h };
  it("opens registration for its phase (or at once, until the sale ends, without one)", () => {
    expect(registrationOpen([registration, sale], -1)).toBe(false);
    expect(registrationOpen([registration, sale], 0)).toBe(true);
    expect(registrationOpen([registration, sale], 5 * h - 1)).toBe(true);
    // The registration phase's end closes it, although the sale has not ended.
    expect(registrationOpen([registration, sale], 5 * h)).toBe(false);
    expect(registrationOpen([registration, sale], 12 * h)).toBe(false);
    expect(registrationOpen([sale], 19 * h)).toBe(true);
    expect(registrationOpen([sale], 20 * h)).toBe(false);
  });
  it("says when registration closed, and nothing while it is open or not yet open", () => {
    expect(registrationClosedAt([registration, sale], 0)).toBeNull();
    expect(registrationClosedAt([registration, sale], -1)).toBeNull();
    expect(registrationClosedAt([registration, sale], 12 * h)).toBe(5 * h);
    expect(registrationClosedAt([sale], 21 * h)).toBe(20 * h);
  });
  it("accepts a flash window only inside the sale", () => {
    expect(flashInsideSale([sale], 10 * h, 12 * h)).toBe(true);
    expect(flashInsideSale([sale], 9 * h, 12 * h)).toBe(false);
    expect(flashInsideSale([sale], 18 * h, 21 * h)).toBe(false);
    expect(flashInsideSale([sale], 12 * h, 12 * h)).toBe(false);
  });
  it("refuses inverted and overlapping phases", () => {
    expect(validatePhases([{ kind: "sale", startsAt: 5 * h, endsAt: 4 * h }]).map((e) => e.code)).toContain("end_before_start");
    expect(validatePhases([{ kind: "warmup", startsAt: 0, endsAt: 11 * h }, sale]).map((e) => e.code)).toContain("overlap");
    // Touching phases (one ends exactly when the next starts) do not overlap.
    expect(validatePhases([{ kind: "warmup", startsAt: 0, endsAt: 10 * h }, sale])).toEqual([]);
  });
});
