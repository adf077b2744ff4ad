import type { ClientLoaderFunctionArgs } from "@remix-run/react";
import i18next from "i18next";
import { splitLangPath, type Lang } from "./config";
import { loadBackOfficeResource } from "./resources";

let added: Promise<void> | null = null;

/**
 * Adds the back office's strings to the browser's i18next, once, and
 * resolves when they are in: before a back-office page first renders (the
 * browser entry when the page is one, the route's `clientLoader` below when
 * a navigation leads to one). The browser holds one language a document
 * (the language menu loads a new document).
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

/**
 * The `clientLoader` of every back-office page (`export { backOfficeClientLoader
 * as clientLoader }`): a navigation into the back office waits for its
 * strings, then takes the route's data as usual. It sits on those routes and
 * not on root because Remix fetches a route with a `clientLoader` in a
 * request of its own: on root, every form a shopper sends would cost a
 * second request (decision 0034).
 */
export async function backOfficeClientLoader({ request, serverLoader }: ClientLoaderFunctionArgs) {
  await addBackOfficeStrings(splitLangPath(new URL(request.url).pathname).lang);
  return serverLoader();
}
