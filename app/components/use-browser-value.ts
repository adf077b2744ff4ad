import { useSyncExternalStore } from "react";

const subscribeToNothing = () => () => {};

/**
 * A value only the browser knows (hydration, the viewer's time zone) that never changes once read.
 * The server render and hydration use `serverValue`; React then re-renders with the browser's,
 * without an effect that sets state.
 */
export function useBrowserValue<T>(browserValue: () => T, serverValue: T): T {
  return useSyncExternalStore(subscribeToNothing, browserValue, () => serverValue);
}
