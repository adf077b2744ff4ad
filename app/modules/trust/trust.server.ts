/**
 * A trust page (contact, shipping, returns, privacy) ready to render: its
 * text in the reader's language with the placeholders filled and the
 * Markdown turned into HTML. Nothing personal: these are shared pages.
 */
import { env, publicOrigin } from "~/env.server";
import { renderSiteMarkdown } from "../markdown/markdown.server";
import { localizePath, type Lang } from "../i18n/config";
import { requestContext } from "../i18n/request.server";
import type { TrustPage, TrustTexts } from "./pages";
import ar from "./content/ar";
import en from "./content/en";
import fr from "./content/fr";
import pt from "./content/pt";
import sw from "./content/sw";
import zh from "./content/zh";

const TEXTS: Record<Lang, TrustTexts> = { en, zh, fr, ar, pt, sw };

/** The text of `page` in `lang`, placeholders filled, still Markdown. */
export function trustMarkdown(page: TrustPage, lang: Lang): { title: string; description: string; body: string } {
  const text = TEXTS[lang][page];
  const values: Record<string, string> = {
    email: env().CONTACT_EMAIL,
    lookup: localizePath("/orders/lookup", lang),
    contact: localizePath("/contact", lang),
    shipping: localizePath("/shipping", lang),
    returns: localizePath("/returns", lang),
    privacy: localizePath("/privacy", lang),
    stores: localizePath("/stores", lang),
  };
  const body = text.body.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`Unknown placeholder ${whole} in the ${lang} ${page} page`);
    return value;
  });
  return { title: text.title, description: text.description, body };
}

/** What a trust page's route returns. */
export function trustPageData(request: Request, page: TrustPage) {
  const { lang, t } = requestContext(request);
  const { title, description, body } = trustMarkdown(page, lang);
  const origin = publicOrigin(request.url);
  return {
    page,
    title,
    html: renderSiteMarkdown(body),
    meta: { title: `${title} · ${t("site.name")}`, description, siteName: t("site.name"), url: `${origin}${localizePath(`/${page}`, lang)}` },
  };
}
