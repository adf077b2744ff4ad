import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { escapeText, foldLine, offsetChanges, writeCalendar } from "./ics";

const H = 3_600_000;

function parse(text: string) {
  const component = new ICAL.Component(ICAL.parse(text) as unknown[]);
  for (const tz of component.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
  return component;
}

describe("the iCalendar writer", () => {
  it("escapes text and folds long lines at 75 octets without splitting a character", () => {
    expect(escapeText("a;b,c\\d\ne")).toBe("a\\;b\\,c\\\\d\\ne");
    const line = `SUMMARY:${"咖啡".repeat(40)}`;
    const folded = foldLine(line);
    for (const part of folded.split("\r\n")) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(folded.split("\r\n").map((p, i) => (i ? p.slice(1) : p)).join("")).toBe(line);
  });

  it("keeps the festival's zone: times in the zone with its VTIMEZONE, parsed back to the same instants", () => {
    const start = Date.UTC(2026, 11, 7, 10, 0);
    const text = writeCalendar({
      name: "Harvest; Days, 2026",
      timeZone: "Africa/Nairobi",
      stampedAt: Date.UTC(2026, 11, 1),
      events: [{ uid: "festival-session-1@example.test", startsAt: start, endsAt: start + H, title: "咖啡 live, tasting; 1", description: "Line one\nLine two", url: "https://example.test/live?a=1&b=2", location: "https://example.test/live" }],
    });
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/\n/);
    expect(text).toContain("DTSTART;TZID=Africa/Nairobi:20261207T130000");
    const cal = parse(text);
    const event = new ICAL.Event(cal.getFirstSubcomponent("vevent")!);
    expect(event.uid).toBe("festival-session-1@example.test");
    expect(event.summary).toBe("咖啡 live, tasting; 1");
    expect(event.description).toBe("Line one\nLine two");
    expect(event.startDate.zone?.tzid).toBe("Africa/Nairobi");
    expect(event.startDate.toJSDate().getTime()).toBe(start);
    expect(event.endDate.toJSDate().getTime()).toBe(start + H);
    expect(cal.getFirstSubcomponent("vevent")!.getFirstPropertyValue("dtstamp")!.toString()).toBe("2026-12-01T00:00:00Z");
  });

  it("describes a zone that changes its clocks during the programme (Paris, end of October)", () => {
    const before = Date.UTC(2026, 9, 24, 10, 0); // 12:00 CEST
    const after = Date.UTC(2026, 9, 26, 10, 0); // 11:00 CET
    expect(offsetChanges("Europe/Paris", before, after)).toEqual([{ at: Date.UTC(2026, 9, 25, 1, 0), before: 120, after: 60 }]);
    const text = writeCalendar({
      name: "Two sides of the change",
      timeZone: "Europe/Paris",
      stampedAt: before,
      events: [
        { uid: "a@x", startsAt: before, endsAt: before + H, title: "A", description: "", url: "https://x.test/a", location: "" },
        { uid: "b@x", startsAt: after, endsAt: after + H, title: "B", description: "", url: "https://x.test/b", location: "" },
      ],
    });
    expect(text).toContain("DTSTART;TZID=Europe/Paris:20261024T120000");
    expect(text).toContain("DTSTART;TZID=Europe/Paris:20261026T110000");
    const events = parse(text).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.startDate.toJSDate().getTime())).toEqual([before, after]);
  });
});
