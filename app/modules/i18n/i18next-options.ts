import type { InitOptions } from "i18next";
import { LANGS, type Lang } from "./config";

/** Options shared by the server's instances and the browser's one. */
export function i18nextOptions(lang: Lang, translation: Record<string, unknown>): InitOptions {
  return {
    lng: lang,
    fallbackLng: false, // a missing key must show up in tests, not silently turn English
    supportedLngs: [...LANGS],
    defaultNS: "translation",
    ns: ["translation"],
    resources: { [lang]: { translation } },
    interpolation: { escapeValue: false }, // React escapes
    react: { useSuspense: false },
    initImmediate: false,
    returnNull: false,
  };
}
