/** The festival's counters and its sessions' orders as JSON: the polling fallback for the live page. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { presenter } from "~/modules/catalog/present.server";
import { now } from "~/modules/clock/now.server";
import { readCounters } from "~/modules/counters/counters.server";
import { festivalTotals } from "~/modules/festivals/dashboard.server";
import { findPublishedFestival, livePayload } from "~/modules/festivals/public.server";
import { notFound } from "~/modules/http/responses.server";
import { requestContext } from "~/modules/i18n/request.server";
import { festivalProgramme } from "~/modules/programme/programme.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, t, currency } = requestContext(request);
  const at = now();
  const festival = await findPublishedFestival(params.slug ?? "", lang, at);
  if (!festival) throw notFound(t);
  const sessions = await readCounters("session", (await festivalProgramme(festival.id, lang)).map((s) => String(s.id)));
  return Response.json(livePayload(festival, await presenter(lang, currency), t, at, await festivalTotals(festival.id), sessions), {
    headers: { "Cache-Control": "public, max-age=0, s-maxage=2, stale-while-revalidate=5" },
  });
}
