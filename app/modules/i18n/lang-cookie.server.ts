import { createCookie } from "@remix-run/node";
import { secureCookies } from "~/env.server";

/**
 * Remembers that this browser has visited, so Accept-Language picks the
 * language only on the first visit to "/" (DESIGN: Languages).
 */
export const langCookie = createCookie("lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
  secure: secureCookies(),
});
