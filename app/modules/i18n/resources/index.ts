import type { Lang } from "../config";

/** Loads one language's UI strings; Vite splits each into its own chunk for the browser. */
export const loadResource: Record<Lang, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import("./en"),
  zh: () => import("./zh"),
  fr: () => import("./fr"),
  ar: () => import("./ar"),
  pt: () => import("./pt"),
  sw: () => import("./sw"),
};
