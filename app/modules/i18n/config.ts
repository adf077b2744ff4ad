/**
 * The i18n setup in one place: which languages exist, how they appear in
 * URLs (English has no prefix), their direction and default currency.
 */
export const LANGS = ["en", "zh", "fr", "ar", "pt", "sw"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "en";

/** Each language's name written in itself, for the switcher. */
export const LANG_NAMES: Record<Lang, string> = {
  en: "English",
  zh: "简体中文",
  fr: "Français",
  ar: "العربية",
  pt: "Português",
  sw: "Kiswahili",
};

/** BCP 47 tags used for Intl formatting and hreflang. */
export const LANG_TAGS: Record<Lang, string> = {
  en: "en",
  zh: "zh-Hans",
  fr: "fr",
  ar: "ar",
  pt: "pt",
  sw: "sw",
};

/**
 * Default presentment currency per language (see docs/decisions/0004-currencies.md).
 */
export const DEFAULT_CURRENCY: Record<Lang, string> = {
  en: "USD",
  zh: "CNY",
  fr: "EUR",
  ar: "USD",
  pt: "USD",
  sw: "KES",
};

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

export function dirOf(lang: Lang): "ltr" | "rtl" {
  return lang === "ar" ? "rtl" : "ltr";
}

/** The language a path is in, and the path without its language prefix. */
export function splitLangPath(pathname: string): { lang: Lang; rest: string; prefixed: boolean } {
  const match = /^\/([^/]+)(\/.*)?$/.exec(pathname);
  const first = match?.[1];
  if (first && first !== DEFAULT_LANG && isLang(first)) {
    return { lang: first, rest: match?.[2] || "/", prefixed: true };
  }
  return { lang: DEFAULT_LANG, rest: pathname || "/", prefixed: false };
}

/**
 * The back office: owners' dashboard and the organiser's console, in any
 * language. Their strings are downloaded apart from shoppers'
 * (resources/index.ts, back-office-strings.ts).
 */
export function isBackOfficePath(pathname: string): boolean {
  return /^\/(dashboard|organiser)(\/|$)/.test(splitLangPath(pathname).rest);
}

/** `localizePath("/stores", "zh")` → "/zh/stores"; English keeps the bare path. */
export function localizePath(path: string, lang: Lang): string {
  const clean = path.startsWith("/") ? path : `/${path}`;
  if (lang === DEFAULT_LANG) return clean;
  return clean === "/" ? `/${lang}` : `/${lang}${clean}`;
}
