/**
 * The time zones an organiser picks a festival's home zone from: every IANA
 * zone the runtime knows, named in the page's language with its current
 * offset. The campaign's own zones (Africa's, and China's) come first; within
 * each group zones go west to east, then by name.
 */
import type { Lang } from "../i18n/config";
import { textComparer, timeZoneLabel, timeZoneOffsetText } from "../i18n/format";
import { isolate } from "../i18n/isolate";
import { isValidTimeZone, zoneOffsetMinutes } from "./clock";

export interface ZoneOption {
  value: string;
  label: string;
}

export interface ZoneGroup {
  group: "campaign" | "other";
  options: ZoneOption[];
}

/** Zones where the campaign's stores and shoppers live. */
export const isCampaignZone = (zone: string) => zone.startsWith("Africa/") || zone === "Asia/Shanghai";

/** The runtime's IANA zones, plus UTC (which Intl lists only under its aliases). */
export function knownTimeZones(): string[] {
  const listed = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set([...listed, "UTC"])];
}

const groupsCache = new Map<string, ZoneGroup[]>();

/**
 * The picker's groups at `at` (offsets change with daylight saving, so the
 * list is kept per language for the hour). `current` is always offered,
 * even when this runtime lists it only under another name (an older alias).
 */
export function zoneGroups(lang: Lang, at: number, current?: string): ZoneGroup[] {
  const key = `${lang}:${Math.floor(at / 3_600_000)}`;
  let groups = groupsCache.get(key);
  if (!groups) {
    if (groupsCache.size > 24) groupsCache.clear();
    const compare = textComparer(lang);
    const rows = knownTimeZones().map((zone) => ({
      zone,
      offset: zoneOffsetMinutes(at, zone),
      label: `${isolate(timeZoneOffsetText(zone, lang, at), "ltr")} · ${timeZoneLabel(zone, lang, at)}`,
    }));
    rows.sort((a, b) => a.offset - b.offset || compare(a.zone, b.zone));
    const options = (campaign: boolean) => rows.filter((r) => isCampaignZone(r.zone) === campaign).map((r) => ({ value: r.zone, label: r.label }));
    groups = [
      { group: "campaign", options: options(true) },
      { group: "other", options: options(false) },
    ];
    groupsCache.set(key, groups);
  }
  if (current && isValidTimeZone(current) && !groups.some((g) => g.options.some((o) => o.value === current))) {
    const extra = { value: current, label: `${isolate(timeZoneOffsetText(current, lang, at), "ltr")} · ${timeZoneLabel(current, lang, at)}` };
    return groups.map((g) => (g.group === "other" ? { ...g, options: [extra, ...g.options] } : g));
  }
  return groups;
}
