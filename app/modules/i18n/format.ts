/**
 * Intl formatting for the page's language: money, numbers, dates, country
 * names. Formatters are cached because constructing Intl objects is costly.
 */
import { LANG_TAGS, type Lang } from "./config";
import { currencyExponent, toDisplayNumber } from "../money/money";
import { showsWholeUnits } from "../money/presentment";
import { isolate } from "./isolate";

const cache = new Map<string, unknown>();
function cached<T>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/**
 * A whole amount in a currency presented in whole units shows no ".00"
 * (docs/decisions/0018-presentment-rounding-and-shipping.md); any other
 * amount (an older order priced before rounding) shows all its digits.
 */
export function formatMoney(amountMinor: number, currency: string, lang: Lang): string {
  const whole = showsWholeUnits(currency) && amountMinor % 10 ** currencyExponent(currency) === 0;
  const nf = cached(`money:${lang}:${currency}:${whole ? 0 : "-"}`, () =>
    new Intl.NumberFormat(LANG_TAGS[lang], whole ? { style: "currency", currency, minimumFractionDigits: 0, maximumFractionDigits: 0 } : { style: "currency", currency }),
  );
  return nf.format(toDisplayNumber(amountMinor, currency));
}

export function formatNumber(value: number, lang: Lang): string {
  return cached(`num:${lang}`, () => new Intl.NumberFormat(LANG_TAGS[lang])).format(value);
}

export function formatDate(instant: number | Date, lang: Lang, timeZone = "UTC"): string {
  return cached(`date:${lang}:${timeZone}`, () =>
    new Intl.DateTimeFormat(LANG_TAGS[lang], { dateStyle: "medium", timeZone }),
  ).format(instant);
}

export function formatDateTime(instant: number | Date, lang: Lang, timeZone = "UTC"): string {
  return cached(`datetime:${lang}:${timeZone}`, () =>
    new Intl.DateTimeFormat(LANG_TAGS[lang], {
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone,
      timeZoneName: "short",
    }),
  ).format(instant);
}

const countryNames = new Map<string, string>();

export function countryName(code: string, lang: Lang): string {
  const key = `${lang}:${code}`;
  let name = countryNames.get(key);
  if (name === undefined) {
    name = cached(`region:${lang}`, () => new Intl.DisplayNames([LANG_TAGS[lang]], { type: "region" })).of(code) ?? code;
    countryNames.set(key, name);
  }
  return name;
}

/** "2d 03h 04m" in the page's language, using Intl unit names (no strings to translate). */
export function formatDuration(ms: number, lang: Lang): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const parts: [number, "day" | "hour" | "minute" | "second"][] = [
    [Math.floor(total / 86400), "day"],
    [Math.floor((total % 86400) / 3600), "hour"],
    [Math.floor((total % 3600) / 60), "minute"],
    [total % 60, "second"],
  ];
  const firstNonZero = parts.findIndex(([v]) => v > 0);
  const shown = firstNonZero === -1 ? parts.slice(3) : parts.slice(firstNonZero, firstNonZero + 3);
  return shown
    .map(([value, unit]) =>
      cached(`unit:${lang}:${unit}`, () =>
        new Intl.NumberFormat(LANG_TAGS[lang], { style: "unit", unit, unitDisplay: "narrow" }),
      ).format(value),
    )
    .join(" ");
}

/** Sorts text the way the page's language does; one cached collator per language. */
export function textComparer(lang: Lang): (a: string, b: string) => number {
  return cached(`collator:${lang}`, () => new Intl.Collator(LANG_TAGS[lang])).compare;
}

/**
 * A time zone's name in the page's language ("China Standard Time",
 * "中国标准时间", "توقيت الصين الرسمي", "heure normale de la Chine"), from
 * Intl's generic name (no summer/winter), falling back to the long name where
 * the generic one is only an offset ("GMT+00:00" for UTC), and to the id.
 */
export function timeZoneName(timeZone: string, lang: Lang, at = Date.now()): string {
  const nameIn = (style: "longGeneric" | "long") => {
    try {
      return (
        cached(`zone:${lang}:${timeZone}:${style}`, () => new Intl.DateTimeFormat(LANG_TAGS[lang], { timeZone, timeZoneName: style }))
          .formatToParts(at)
          .find((p) => p.type === "timeZoneName")?.value ?? null
      );
    } catch {
      return null;
    }
  };
  const generic = nameIn("longGeneric");
  if (generic && !/[0-9]/.test(generic)) return generic;
  return nameIn("long") ?? timeZone;
}

/**
 * A zone as an organiser reads it: its name in the page's language and the
 * IANA id the festival stores ("东部非洲时间 (Africa/Nairobi)"), each part
 * isolated so it reads right in Arabic, also as plain text (an <option>).
 * The one definition, used by the console and the zone picker.
 */
export function timeZoneLabel(timeZone: string, lang: Lang, at = Date.now()): string {
  return `${isolate(timeZoneName(timeZone, lang, at))} (${isolate(timeZone, "ltr")})`;
}

/** The zone's offset from UTC at `at`, as Intl writes it in the page's language ("GMT+3", "GMT+8"). */
export function timeZoneOffsetText(timeZone: string, lang: Lang, at = Date.now()): string {
  try {
    return (
      cached(`zone:${lang}:${timeZone}:shortOffset`, () => new Intl.DateTimeFormat(LANG_TAGS[lang], { timeZone, timeZoneName: "shortOffset" }))
        .formatToParts(at)
        .find((p) => p.type === "timeZoneName")?.value ?? timeZone
    );
  } catch {
    return timeZone;
  }
}

/** "English, français and العربية" in the page's language. */
export function formatList(items: string[], lang: Lang): string {
  return cached(`list:${lang}`, () => new Intl.ListFormat(LANG_TAGS[lang], { type: "conjunction" })).format(items);
}
