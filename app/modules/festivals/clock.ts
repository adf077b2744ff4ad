/**
 * The festival clock: a festival's state is derived from its phases and the
 * current instant, never stored, so no background job has to flip it.
 * Pure functions; instants are milliseconds since the epoch (UTC).
 */
export type PhaseKind = "registration" | "warmup" | "sale" | "encore";
export type FestivalState = "upcoming" | "warmup" | "live" | "encore" | "ended";

export interface Phase {
  kind: PhaseKind;
  startsAt: number;
  endsAt: number;
}

export interface ClockReading {
  state: FestivalState;
  /** The phase `now` falls in, if any. */
  phase: Phase | null;
  /** The next instant at which the reading changes, or null once everything is over. */
  nextBoundary: number | null;
  /** The sale phase (every valid festival has one). */
  sale: Phase | null;
}

const PHASE_ORDER: PhaseKind[] = ["registration", "warmup", "sale", "encore"];

export function readClock(phases: readonly Phase[], now: number): ClockReading {
  const sorted = [...phases].sort((a, b) => a.startsAt - b.startsAt);
  const sale = sorted.find((p) => p.kind === "sale") ?? null;
  const phase = sorted.find((p) => p.startsAt <= now && now < p.endsAt) ?? null;
  const boundaries = sorted.flatMap((p) => [p.startsAt, p.endsAt]).filter((t) => t > now);
  const nextBoundary = boundaries.length ? Math.min(...boundaries) : null;

  let state: FestivalState;
  if (phase?.kind === "sale") state = "live";
  else if (phase?.kind === "encore") state = "encore";
  else if (phase?.kind === "warmup") state = "warmup";
  else if (sale && now < sale.startsAt) state = "upcoming";
  else if (nextBoundary === null) state = "ended";
  else state = sale ? "ended" : "upcoming"; // between the sale and a later encore
  return { state, phase, nextBoundary, sale };
}

/** True when a deal price may apply: the sale phase is running at `now`. */
export function isSaleLive(phases: readonly Phase[], now: number): boolean {
  return readClock(phases, now).state === "live";
}

export type PhaseError =
  | { code: "sale_required" }
  | { code: "end_before_start"; kind: PhaseKind }
  | { code: "overlap"; kind: PhaseKind; other: PhaseKind }
  | { code: "out_of_order"; kind: PhaseKind };

/** Phases must each end after they start, not overlap, and follow registration → warm-up → sale → encore. */
export function validatePhases(phases: readonly Phase[]): PhaseError[] {
  const errors: PhaseError[] = [];
  if (!phases.some((p) => p.kind === "sale")) errors.push({ code: "sale_required" });
  for (const p of phases) {
    if (!(p.endsAt > p.startsAt)) errors.push({ code: "end_before_start", kind: p.kind });
  }
  const ordered = [...phases].sort((a, b) => PHASE_ORDER.indexOf(a.kind) - PHASE_ORDER.indexOf(b.kind));
  for (let i = 1; i < ordered.length; i++) {
    const prev = ordered[i - 1];
    const cur = ordered[i];
    if (cur.startsAt < prev.startsAt) errors.push({ code: "out_of_order", kind: cur.kind });
  }
  for (let i = 0; i < phases.length; i++) {
    for (let j = i + 1; j < phases.length; j++) {
      const a = phases[i];
      const b = phases[j];
      if (a.startsAt < b.endsAt && b.startsAt < a.endsAt) {
        errors.push({ code: "overlap", kind: b.kind, other: a.kind });
      }
    }
  }
  return errors;
}
