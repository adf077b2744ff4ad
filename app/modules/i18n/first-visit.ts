/**
 * Accept-Language picks the language only on the first visit to "/" from
 * outside the site (DESIGN: Languages). The `lang` cookie, set only by that
 * redirect, remembers that the choice was made; a shopper who follows a link
 * inside the site to the English home page has chosen it, so no redirect.
 * Every other page ignores both, so it can be the same for everyone.
 */
export function isFirstVisitToHome(input: {
  pathname: string;
  cookieHeader: string | null | undefined;
  secFetchSite: string | null | undefined;
  referer: string | null | undefined;
  origin: string;
}): boolean {
  if (input.pathname !== "/") return false;
  if (/(?:^|;\s*)lang=/.test(input.cookieHeader ?? "")) return false;
  if (input.secFetchSite === "same-origin") return false;
  if (input.referer) {
    try {
      if (new URL(input.referer).origin === input.origin) return false;
    } catch {
      // An unreadable Referer says nothing about where the visitor came from.
    }
  }
  return true;
}
