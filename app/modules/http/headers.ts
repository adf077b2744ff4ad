import type { HeadersFunction } from "@remix-run/node";

/** Passes an action's Retry-After (429) through to the document response. */
export const forwardRetryAfter: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};
