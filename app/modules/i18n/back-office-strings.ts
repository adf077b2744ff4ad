import i18next from "i18next";
import type { Lang } from "./config";
import { loadBackOfficeResource } from "./resources";

let added: Promise<void> | null = null;

/**
 * Adds the back office's strings to the browser's i18next, once, and
 * resolves when they are in: before a back-office page first renders (the
 * browser entry when the page is one, root.tsx's clientLoader when a
 * navigation leads to one). The browser holds one language a document (the
 * language menu loads a new document).
 */
export function addBackOfficeStrings(lang: Lang): Promise<void> {
  added ??= loadBackOfficeResource[lang]().then(
    ({ default: strings }) => {
      i18next.addResourceBundle(lang, "translation", strings, true, false);
    },
    (error: unknown) => {
      added = null; // a failed download is tried again by the next navigation
      throw error;
    },
  );
  return added;
}

/** True once the back office's strings are in (or on their way). */
export function backOfficeStringsRequested(): boolean {
  return added !== null;
}
