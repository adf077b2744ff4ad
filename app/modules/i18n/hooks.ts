import { useRouteLoaderData } from "@remix-run/react";
import { useCallback } from "react";
import { withCurrency } from "../money/currency";
import { DEFAULT_CURRENCY, DEFAULT_LANG, localizePath, type Lang } from "./config";

interface RootData {
  lang: Lang;
  currency?: string;
}

/** The page's language, as the root loader decided it from the URL. */
export function useLang(): Lang {
  return useRouteLoaderData<RootData>("root")?.lang ?? DEFAULT_LANG;
}

/** The page's presentment currency (from `?currency=`, else the language's default). */
export function useCurrency(): string {
  const root = useRouteLoaderData<RootData>("root");
  return root?.currency ?? DEFAULT_CURRENCY[root?.lang ?? DEFAULT_LANG];
}

/** Turns an unprefixed path into the current language's URL, keeping a chosen currency. */
export function useLocalizedPath(): (path: string) => string {
  const lang = useLang();
  const currency = useCurrency();
  return useCallback((path: string) => withCurrency(localizePath(path, lang), currency, lang), [lang, currency]);
}
