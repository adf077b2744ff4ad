import type { Lang } from "../config";

type Strings = () => Promise<{ default: Record<string, unknown> }>;

/**
 * One language's UI strings for every page; Vite splits each into its own
 * chunk for the browser.
 */
export const loadResource: Record<Lang, Strings> = {
  en: () => import("./en"),
  zh: () => import("./zh"),
  fr: () => import("./fr"),
  ar: () => import("./ar"),
  pt: () => import("./pt"),
  sw: () => import("./sw"),
};

/**
 * The back office's strings (the `owner` and `feeds` namespaces), in chunks
 * of their own: about a third of a language's strings, which no shopper's
 * page uses, so a shopper's first visit does not download them
 * (docs/decisions/0034-scripts-after-the-first-paint.md). The server has
 * both parts (i18n.server.ts).
 */
export const loadBackOfficeResource: Record<Lang, Strings> = {
  en: () => import("./en.back-office"),
  zh: () => import("./zh.back-office"),
  fr: () => import("./fr.back-office"),
  ar: () => import("./ar.back-office"),
  pt: () => import("./pt.back-office"),
  sw: () => import("./sw.back-office"),
};
