/**
 * What a loader needs to know about the request's language, in one call.
 */
import { splitLangPath, DEFAULT_CURRENCY, type Lang } from "./config";
import { tFor } from "./i18n.server";
import { currencyFromCookie } from "../money/currency";

export function requestLang(request: Request): Lang {
  return splitLangPath(new URL(request.url).pathname).lang;
}

export function requestContext(request: Request) {
  const lang = requestLang(request);
  // The switcher's cookie wins over the language's default currency.
  return { lang, t: tFor(lang), currency: currencyFromCookie(request.headers.get("Cookie")) ?? DEFAULT_CURRENCY[lang] };
}

/** A page number from `?page=`, clamped to a sane range; bad values mean page 1. */
export function pageParam(request: Request): number {
  const raw = new URL(request.url).searchParams.get("page");
  const n = raw && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  return Math.max(1, n);
}
