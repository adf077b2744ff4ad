/**
 * What a loader needs to know about the request's language, in one call.
 */
import { splitLangPath, type Lang } from "./config";
import { tFor } from "./i18n.server";
import { currencyFromSearch } from "../money/currency";

export function requestLang(request: Request): Lang {
  return splitLangPath(new URL(request.url).pathname).lang;
}

export function requestContext(request: Request) {
  const url = new URL(request.url);
  const { lang } = splitLangPath(url.pathname);
  // The currency is part of the URL (never a cookie), so shared pages stay the same for everyone.
  return { lang, t: tFor(lang), currency: currencyFromSearch(url.searchParams, lang) };
}

/** A page number from `?page=`, clamped to a sane range; bad values mean page 1. */
export function pageParam(request: Request): number {
  const raw = new URL(request.url).searchParams.get("page");
  const n = raw && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  return Math.max(1, n);
}
