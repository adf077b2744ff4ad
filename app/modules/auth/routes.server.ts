/**
 * Small helpers the account routes share: where a signed-in user lands, and
 * the 429 answer for throttled forms.
 */
import { data } from "@remix-run/node";
import type { SubmissionResult } from "@conform-to/react";
import { localizePath, type Lang } from "../i18n/config";
import type { RateLimitedError } from "./rate-limit.server";

export function homeFor(role: string, lang: Lang): string {
  return localizePath(role === "organiser" ? "/organiser" : "/dashboard", lang);
}

export function rateLimited(error: RateLimitedError, reply: (opts: { formErrors: string[] }) => SubmissionResult<string[]>) {
  return data(
    { result: reply({ formErrors: ["auth.errors.rateLimited"] }), retryAfter: error.retryAfterSeconds },
    { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds) } },
  );
}

