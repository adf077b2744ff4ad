/**
 * Whether a target is behind: progress is expected to be linear over the
 * target's window, so by `now` a share of the target equal to the share of
 * the window that has passed should be reached. Pure, so the console, the
 * tests and any future report agree on the same rule.
 */
export type TargetStanding = "notStarted" | "onTrack" | "behind" | "met" | "missed";

export interface TargetReading {
  standing: TargetStanding;
  /** What linear progress would have reached by now (whole units, rounded down: a target is behind only when it is short of a whole unit). */
  expected: number;
}

export function readTarget(value: number, target: number, window: { startsAt: number; endsAt: number }, now: number): TargetReading {
  if (target <= 0 || window.endsAt <= window.startsAt) return { standing: value >= target ? "met" : "onTrack", expected: target };
  if (value >= target) return { standing: "met", expected: target };
  if (now < window.startsAt) return { standing: "notStarted", expected: 0 };
  if (now >= window.endsAt) return { standing: "missed", expected: target };
  const expected = Math.floor((target * (now - window.startsAt)) / (window.endsAt - window.startsAt));
  return { standing: value < expected ? "behind" : "onTrack", expected };
}

/** Standings an organiser must act on (flagged on the console). */
export const isFlagged = (standing: TargetStanding) => standing === "behind" || standing === "missed";
