/**
 * The programme clock and scheduling rules, pure: a session's state is
 * derived from its window and the instant asked about (like the festival
 * clock, app/modules/festivals/clock.ts), never stored.
 */
import type { Phase } from "../festivals/clock";
import type { SessionChannel } from "./kinds";

export interface SessionWindow {
  id: number;
  channel: SessionChannel;
  startsAt: number;
  endsAt: number;
}

export type SessionState = "upcoming" | "onNow" | "ended";

export function sessionState(s: Pick<SessionWindow, "startsAt" | "endsAt">, now: number): SessionState {
  if (now < s.startsAt) return "upcoming";
  return now < s.endsAt ? "onNow" : "ended";
}

export interface ProgrammeReading<S extends SessionWindow> {
  /** Sessions running at `now` (several channels may run at once), by start. */
  onNow: S[];
  /** The sessions that start next (all those sharing the earliest upcoming start). */
  next: S[];
  /** The next instant at which the reading changes (a session starts or ends), or null. */
  nextBoundary: number | null;
}

export function readProgramme<S extends SessionWindow>(sessions: readonly S[], now: number): ProgrammeReading<S> {
  const sorted = [...sessions].sort((a, b) => a.startsAt - b.startsAt || a.id - b.id);
  const onNow = sorted.filter((s) => sessionState(s, now) === "onNow");
  const upcoming = sorted.filter((s) => s.startsAt > now);
  const next = upcoming.length ? upcoming.filter((s) => s.startsAt === upcoming[0].startsAt) : [];
  const boundaries = sorted.flatMap((s) => [s.startsAt, s.endsAt]).filter((t) => t > now);
  return { onNow, next, nextBoundary: boundaries.length ? Math.min(...boundaries) : null };
}

/**
 * Where sessions may run: from the first shopper-facing phase's start (warm-up,
 * sale or encore; registration is for stores) to the last one's end.
 */
export function festivalWindow(phases: readonly Phase[]): { startsAt: number; endsAt: number } | null {
  const shown = phases.filter((p) => p.kind !== "registration");
  if (!shown.length) return null;
  return { startsAt: Math.min(...shown.map((p) => p.startsAt)), endsAt: Math.max(...shown.map((p) => p.endsAt)) };
}

export type SessionError = { code: "endBeforeStart" } | { code: "outsideFestival" } | { code: "overlap"; otherId: number } | { code: "alreadyStarted" };

/**
 * A session must end after it starts, lie inside the festival, and not overlap
 * another approved session on the same channel (`others`: the festival's
 * approved sessions, the candidate itself excluded). It is scheduled before it
 * starts: the counters count from its window, which must not move under them.
 */
export function validateSession(candidate: Omit<SessionWindow, "id">, phases: readonly Phase[], others: readonly SessionWindow[], now: number): SessionError[] {
  const errors: SessionError[] = [];
  if (!(candidate.endsAt > candidate.startsAt)) return [{ code: "endBeforeStart" }];
  const window = festivalWindow(phases);
  if (!window || candidate.startsAt < window.startsAt || candidate.endsAt > window.endsAt) errors.push({ code: "outsideFestival" });
  if (candidate.startsAt <= now) errors.push({ code: "alreadyStarted" });
  const clash = others.find((o) => o.channel === candidate.channel && o.startsAt < candidate.endsAt && candidate.startsAt < o.endsAt);
  if (clash) errors.push({ code: "overlap", otherId: clash.id });
  return errors;
}
