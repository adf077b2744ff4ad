import { dirOf, LANG_TAGS, localizePath, splitLangPath, type Lang } from "../i18n/config";
import ar from "../i18n/resources/ar";
import en from "../i18n/resources/en";
import fr from "../i18n/resources/fr";
import pt from "../i18n/resources/pt";
import sw from "../i18n/resources/sw";
import zh from "../i18n/resources/zh";

const RESOURCES = { en, zh, fr, ar, pt, sw } satisfies Record<Lang, unknown>;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/**
 * The page a cross-site POST gets (403) from the server script, before Remix
 * runs: in the language of the URL it was sent to, every string escaped, no
 * script or style (so the security headers' CSP needs nothing more).
 */
export function crossSiteRefusalPage(pathname: string): { lang: Lang; html: string } {
  const { lang } = splitLangPath(pathname);
  const { crossSite, notFound } = RESOURCES[lang];
  const html = `<!doctype html>
<html lang="${LANG_TAGS[lang]}" dir="${dirOf(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(crossSite.title)}</title>
</head>
<body>
<main>
<p>403</p>
<h1>${escapeHtml(crossSite.title)}</h1>
<p>${escapeHtml(crossSite.text)}</p>
<p><a href="${escapeHtml(localizePath("/", lang))}">${escapeHtml(notFound.back)}</a></p>
</main>
</body>
</html>
`;
  return { lang, html };
}
