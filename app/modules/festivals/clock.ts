/**
 * The festival clock: a festival's state is derived from its phases and the
 * current instant, never stored, so no background job has to flip it.
 * Pure functions; instants are milliseconds since the epoch (UTC).
 */
import { PHASE_KINDS_ORDERED, type PhaseKindName } from "./phase-kinds";

export type PhaseKind = PhaseKindName;
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

const PHASE_ORDER: readonly PhaseKind[] = PHASE_KINDS_ORDERED;

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

// ── Time zones: festivals are entered in their home zone, stored in UTC ────

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();
function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = zoneFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    zoneFormatters.set(timeZone, f);
  }
  return f;
}

/** True for an IANA zone name this runtime knows ("Africa/Lagos"), false otherwise. */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone || !/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(timeZone)) return false;
  try {
    zoneFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone as the runtime spells it ("africa/nairobi" → "Africa/Nairobi"); an alias is kept as picked. */
export function canonicalTimeZone(timeZone: string): string {
  if (!isValidTimeZone(timeZone)) return timeZone;
  const resolved = zoneFormatter(timeZone).resolvedOptions().timeZone;
  return resolved.toLowerCase() === timeZone.toLowerCase() ? resolved : timeZone;
}

interface LocalFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function localFields(instant: number, timeZone: string): LocalFields & { second: number } {
  const parts: Record<string, number> = {};
  for (const p of zoneFormatter(timeZone).formatToParts(instant)) if (p.type !== "literal") parts[p.type] = Number(p.value);
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute, second: parts.second };
}

/** The zone's offset from UTC at `instant`, in minutes (Paris in summer: 120). */
export function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const f = localFields(instant, timeZone);
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** `instant` as a local date-time in `timeZone`, in the `<input type="datetime-local">` form "YYYY-MM-DDTHH:mm". */
export function toLocalInput(instant: number, timeZone: string): string {
  const f = localFields(instant, timeZone);
  return `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}`;
}

export type LocalParse = { ok: true; instant: number } | { ok: false; error: "invalid" | "nonexistent" };

/**
 * A local date-time typed in the festival's zone → the UTC instant. A time
 * skipped by a daylight-saving jump (02:30 in Paris on the spring-forward
 * night) does not exist and is refused; a repeated one (autumn) means the
 * first of the two, which is what a person reading a calendar expects.
 */
export function fromLocalInput(value: string, timeZone: string): LocalParse {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::00)?$/.exec(value.trim());
  if (!m || !isValidTimeZone(timeZone)) return { ok: false, error: "invalid" };
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(naive);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return { ok: false, error: "invalid" };
  const wanted = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}`;
  // Any offset the zone uses within a day either side is a candidate; keep those that read back as typed.
  const candidates = new Set<number>();
  for (const probe of [naive - 86_400_000, naive, naive + 86_400_000]) candidates.add(naive - zoneOffsetMinutes(probe, timeZone) * 60_000);
  const matches = [...candidates].filter((c) => toLocalInput(c, timeZone) === wanted).sort((a, b) => a - b);
  return matches.length ? { ok: true, instant: matches[0] } : { ok: false, error: "nonexistent" };
}

/** The phase that starts next after `now`, if any (for "warm-up starts in…"). */
export function nextPhase(phases: readonly Phase[], now: number): Phase | null {
  return [...phases].filter((p) => p.startsAt > now).sort((a, b) => a.startsAt - b.startsAt)[0] ?? null;
}

/** When `now` is in the sale phase: is a flash window valid for it (inside the sale, ending after it starts)? */
export function flashInsideSale(phases: readonly Phase[], startsAt: number, endsAt: number): boolean {
  const sale = phases.find((p) => p.kind === "sale");
  return Boolean(sale) && endsAt > startsAt && startsAt >= sale!.startsAt && endsAt <= sale!.endsAt;
}

/**
 * Stores may enrol (and offer deals) during the registration phase, when the
 * festival has one; without one, from publication until the sale ends.
 */
export function registrationOpen(phases: readonly Phase[], now: number): boolean {
  const sale = phases.find((p) => p.kind === "sale");
  if (!sale || now >= sale.endsAt) return false;
  const registration = phases.find((p) => p.kind === "registration");
  return !registration || (now >= registration.startsAt && now < registration.endsAt);
}

/** When registration closed (the registration phase's end, or the sale's), if it has. */
export function registrationClosedAt(phases: readonly Phase[], now: number): number | null {
  if (registrationOpen(phases, now)) return null;
  const registration = phases.find((p) => p.kind === "registration");
  const sale = phases.find((p) => p.kind === "sale");
  const end = registration?.endsAt ?? sale?.endsAt;
  return end !== undefined && now >= end ? end : null;
}

export type CountdownKind = "saleStarts" | "saleEnds" | "encoreStarts" | "encoreEnds";

/**
 * What a shopper's countdown counts to, from the one clock reading of the
 * request: before the sale, to the sale's start (not to the end of
 * registration or warm-up); during the sale, to its end — when deal prices
 * stop — saying whether an encore follows; then to the encore's start and end.
 * Null once nothing is left to count to.
 */
export interface CountdownTarget {
  kind: CountdownKind;
  at: number;
  /** During the sale: the encore that follows it, if any. */
  encore: Phase | null;
}

export function countdownTarget(phases: readonly Phase[], reading: ClockReading, now: number): CountdownTarget | null {
  const sale = reading.sale;
  const encore = phases.find((p) => p.kind === "encore" && (!sale || p.startsAt >= sale.endsAt)) ?? null;
  if (sale && now < sale.startsAt) return { kind: "saleStarts", at: sale.startsAt, encore: null };
  if (sale && now < sale.endsAt) return { kind: "saleEnds", at: sale.endsAt, encore };
  if (encore && now < encore.startsAt) return { kind: "encoreStarts", at: encore.startsAt, encore: null };
  if (encore && now < encore.endsAt) return { kind: "encoreEnds", at: encore.endsAt, encore: null };
  return null;
}
