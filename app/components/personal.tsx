import { useFetchers, useNavigation, useRouteLoaderData } from "@remix-run/react";
import { useEffect, useRef, useSyncExternalStore } from "react";
import type { Personal } from "~/modules/http/personal.server";

/**
 * The visitor's cart count and signed-in name. Private pages have them from
 * the root loader; shared pages (the same HTML for everyone) ask /me once
 * React runs, and again after every form that changes something (adding to
 * the cart, signing in or out), so the count follows the cart. Without
 * JavaScript a shared page shows a plain cart link and sign-in link instead.
 *
 * /me is read with a plain fetch, not a Remix fetcher: Remix aborts in-flight
 * fetcher loads whenever an action starts, and logs the aborted stream as an
 * error in the console; a shopper who adds to the cart just as the page
 * hydrates would meet that. One request at a time, shared by every caller.
 */
let personal: Personal | null = null;
let inFlight: Promise<void> | null = null;
let askAgain = false;
/** Counts the times the visitor was forgotten (signing out): an answer asked for before the last one is stale. */
let forgotten = 0;
const listeners = new Set<() => void>();

function refreshPersonal(): void {
  if (inFlight) {
    // An answer started before the change may not show it: ask once more after.
    askAgain = true;
    return;
  }
  const askedAfter = forgotten;
  inFlight = fetch("/me", { headers: { Accept: "application/json" }, credentials: "same-origin" })
    .then((response) => (response.ok ? (response.json() as Promise<Personal>) : null))
    .then((answer) => {
      // An answer to a question asked before signing out (after signing up, say) would bring the
      // signed-out visitor's name and "Sign out" back into the header: it is dropped.
      if (answer && askedAfter === forgotten) {
        personal = answer;
        listeners.forEach((listener) => listener());
      }
    })
    // Offline or a server restart: the header keeps its plain links until the next change.
    .catch(() => undefined)
    .finally(() => {
      inFlight = null;
      if (askAgain) {
        askAgain = false;
        refreshPersonal();
      }
    });
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True while a form that changes something (any method but GET) is on its way. */
function useChanging(): boolean {
  const navigation = useNavigation();
  const fetchers = useFetchers();
  const changes = (method: string | undefined) => method !== undefined && method.toUpperCase() !== "GET";
  return changes(navigation.formMethod) || fetchers.some((fetcher) => changes(fetcher.formMethod));
}

/**
 * Rendered once, in the root route: asks /me after hydration and again each
 * time a change (a POST by navigation or by fetcher) has finished, whether
 * the page is shared or private, so a later shared page never shows the
 * header of before a sign-out.
 */
export function PersonalSync() {
  const changing = useChanging();
  // Signing out: the header forgets the visitor at once, not when /me next answers.
  const signingOut = /\/logout$/.test(useNavigation().formAction ?? "");
  useEffect(() => {
    if (signingOut) forgotten += 1;
    if (signingOut && personal !== null) {
      personal = null;
      listeners.forEach((listener) => listener());
    }
  }, [signingOut]);
  const wasChanging = useRef<boolean | null>(null);
  useEffect(() => {
    const firstRun = wasChanging.current === null;
    const changeDone = wasChanging.current === true && !changing;
    if (firstRun || changeDone) refreshPersonal();
    wasChanging.current = changing;
  }, [changing]);
  return null;
}

export function usePersonal(): Personal | null {
  const fromRoot = useRouteLoaderData<{ personal: Personal | null }>("root")?.personal ?? null;
  const fromMe = useSyncExternalStore(subscribe, () => personal, () => null);
  return fromRoot ?? fromMe;
}
