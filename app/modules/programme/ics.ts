/**
 * A small iCalendar (RFC 5545) writer for the festival programme, pure.
 * Times are written in the festival's own zone (`DTSTART;TZID=Africa/Nairobi:…`)
 * with a VTIMEZONE that describes that zone over the span of the events, built
 * from the runtime's time-zone data (Intl): every offset change in the span is
 * one observance, so a calendar shows the right instant even where the zone
 * changes its clocks, and keeps saying which zone the festival runs in.
 * Lines end in CRLF, text is escaped (backslash, semicolon, comma, newline)
 * and lines longer than 75 octets are folded without splitting a character.
 * See docs/decisions/0031-festival-programme.md.
 */
import { zoneOffsetMinutes } from "../festivals/clock";

export interface CalendarEvent {
  uid: string;
  startsAt: number;
  endsAt: number;
  title: string;
  description: string;
  url: string;
  location: string;
  /** When the event last changed (SEQUENCE stays 0: the instant says it). */
  lastModified?: number;
}

export interface Calendar {
  /** PRODID and the calendar's name (X-WR-CALNAME, shown by most calendar apps). */
  name: string;
  timeZone: string;
  events: CalendarEvent[];
  /** DTSTAMP: when this file was made. */
  stampedAt: number;
}

/** TEXT escaping (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

const encoder = new TextEncoder();

/** Folds a content line at 75 octets (RFC 5545 §3.1): CRLF then one space, never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      out.push(current);
      current = "";
      octets = 0;
      limit = 74; // a continuation line starts with the space, which counts
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

const pad = (n: number, w = 2) => String(Math.trunc(n)).padStart(w, "0");

/** 20261207T100000Z */
export function utcStamp(instant: number): string {
  const d = new Date(instant);
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

/** The local date-time of `instant` at `offsetMinutes` from UTC, without a zone: 20261207T130000 */
function localStamp(instant: number, offsetMinutes: number): string {
  return utcStamp(instant + offsetMinutes * 60_000).slice(0, -1);
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/** Each instant in [from, to] at which the zone's offset changes, found by halving (to the second). */
export function offsetChanges(timeZone: string, from: number, to: number): { at: number; before: number; after: number }[] {
  const changes: { at: number; before: number; after: number }[] = [];
  const STEP = 7 * 86_400_000; // no zone changes its offset twice within a week
  let t = from;
  let offset = zoneOffsetMinutes(t, timeZone);
  while (t < to) {
    const next = Math.min(t + STEP, to);
    const nextOffset = zoneOffsetMinutes(next, timeZone);
    if (nextOffset !== offset) {
      let lo = t;
      let hi = next;
      while (hi - lo > 1000) {
        const mid = Math.floor((lo + hi) / 2 / 1000) * 1000;
        if (zoneOffsetMinutes(mid, timeZone) === offset) lo = mid;
        else hi = mid;
      }
      changes.push({ at: hi, before: offset, after: nextOffset });
    }
    t = next;
    offset = nextOffset;
  }
  return changes;
}

/**
 * The zone over [from, to]: the offset in force at `from` (an observance
 * starting then), then one observance per change. An observance's DTSTART is
 * local time in the offset it replaces (RFC 5545 §3.6.5). A change to a larger
 * offset than the zone's smallest in the span is daylight time.
 */
export function vtimezone(timeZone: string, from: number, to: number): string[] {
  const first = zoneOffsetMinutes(from, timeZone);
  const changes = offsetChanges(timeZone, from, to);
  const standard = Math.min(first, ...changes.map((c) => c.after));
  const lines = ["BEGIN:VTIMEZONE", `TZID:${timeZone}`];
  const observance = (at: number, before: number, after: number) => {
    const kind = after > standard ? "DAYLIGHT" : "STANDARD";
    lines.push(`BEGIN:${kind}`, `DTSTART:${localStamp(at, before)}`, `TZOFFSETFROM:${offsetText(before)}`, `TZOFFSETTO:${offsetText(after)}`, `END:${kind}`);
  };
  observance(from, first, first);
  for (const c of changes) observance(c.at, c.before, c.after);
  lines.push("END:VTIMEZONE");
  return lines;
}

/** The instant's local time in the zone, for `DTSTART;TZID=…:` */
function zoned(instant: number, timeZone: string): string {
  return localStamp(instant, zoneOffsetMinutes(instant, timeZone));
}

/** The whole file, CRLF-terminated lines, folded. */
export function writeCalendar(calendar: Calendar): string {
  const { timeZone, events } = calendar;
  // The zone's description starts a day before the first event (on a whole minute) and ends after the last.
  const from = events.length ? Math.floor((Math.min(...events.map((e) => e.startsAt)) - 86_400_000) / 60_000) * 60_000 : calendar.stampedAt;
  const to = events.length ? Math.max(...events.map((e) => e.endsAt)) + 86_400_000 : calendar.stampedAt;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Silk Road Showcase//Festival programme//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    `X-WR-TIMEZONE:${timeZone}`,
    ...vtimezone(timeZone, from, to),
  ];
  for (const e of events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${e.uid}`,
      `DTSTAMP:${utcStamp(calendar.stampedAt)}`,
      ...(e.lastModified ? [`LAST-MODIFIED:${utcStamp(e.lastModified)}`] : []),
      `DTSTART;TZID=${timeZone}:${zoned(e.startsAt, timeZone)}`,
      `DTEND;TZID=${timeZone}:${zoned(e.endsAt, timeZone)}`,
      `SUMMARY:${escapeText(e.title)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
      `LOCATION:${escapeText(e.location)}`,
      `URL:${e.url}`,
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
