import { describe, expect, it } from "vitest";
import { isFlagged, readTarget } from "./targets";

const DAY = 86_400_000;
const window = { startsAt: 0, endsAt: 100 * DAY };

describe("readTarget: linear progress expected over the window", () => {
  it("is behind when short of what linear progress reaches by now, on track at or above it", () => {
    // 40% of the window passed: 40 of 100 stores expected.
    expect(readTarget(39, 100, window, 40 * DAY)).toEqual({ standing: "behind", expected: 40 });
    expect(readTarget(40, 100, window, 40 * DAY)).toEqual({ standing: "onTrack", expected: 40 });
    expect(readTarget(90, 100, window, 40 * DAY)).toEqual({ standing: "onTrack", expected: 40 });
  });

  it("expects whole units only (rounded down), so a fraction never flags a target", () => {
    // 40.5% of 1,000 products is 405; 40.59% is still 405.
    expect(readTarget(405, 1000, window, 40.59 * DAY)).toEqual({ standing: "onTrack", expected: 405 });
    expect(readTarget(404, 1000, window, 40.59 * DAY).standing).toBe("behind");
  });

  it("says not started before the window, missed after it, met whenever the target is reached", () => {
    expect(readTarget(0, 100, window, -DAY)).toEqual({ standing: "notStarted", expected: 0 });
    expect(readTarget(99, 100, window, 100 * DAY)).toEqual({ standing: "missed", expected: 100 });
    expect(readTarget(100, 100, window, 100 * DAY).standing).toBe("met");
    expect(readTarget(100, 100, window, 10 * DAY).standing).toBe("met");
  });

  it("flags only behind and missed", () => {
    expect(["notStarted", "onTrack", "behind", "met", "missed"].filter((s) => isFlagged(s as never))).toEqual(["behind", "missed"]);
  });
});
