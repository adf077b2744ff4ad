import { useRouteLoaderData } from "@remix-run/react";
import { useCallback } from "react";
import { DEFAULT_LANG, localizePath, type Lang } from "./config";

interface RootData {
  lang: Lang;
}

/** The page's language, as the root loader decided it from the URL. */
export function useLang(): Lang {
  return useRouteLoaderData<RootData>("root")?.lang ?? DEFAULT_LANG;
}

/** Turns an unprefixed path into the current language's URL. */
export function useLocalizedPath(): (path: string) => string {
  const lang = useLang();
  return useCallback((path: string) => localizePath(path, lang), [lang]);
}
