import { useFetcher, useRouteLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import type { Personal } from "~/modules/http/personal.server";

/**
 * The visitor's cart count and signed-in name. Private pages have them from
 * the root loader; shared pages (the same HTML for everyone) ask /me once
 * React runs, and Remix asks again after every action (a fetcher's data is
 * revalidated), so the count follows the cart. Without JavaScript a shared
 * page shows a plain cart link and sign-in link instead.
 */
export function usePersonal(): Personal | null {
  const fromRoot = useRouteLoaderData<{ personal: Personal | null }>("root")?.personal ?? null;
  const fetcher = useFetcher<Personal>({ key: "personal" });
  const { load, state, data } = fetcher;
  useEffect(() => {
    if (!fromRoot && state === "idle" && data === undefined) load("/me");
  }, [fromRoot, state, data, load]);
  return fromRoot ?? data ?? null;
}
