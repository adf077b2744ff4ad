/** The festival's counters as JSON: the polling fallback for the live page. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { presenter } from "~/modules/catalog/present.server";
import { now } from "~/modules/clock/now.server";
import { festivalTotals } from "~/modules/festivals/dashboard.server";
import { findPublishedFestival, livePayload } from "~/modules/festivals/public.server";
import { notFound } from "~/modules/http/responses.server";
import { requestContext } from "~/modules/i18n/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, t, currency } = requestContext(request);
  const at = now();
  const festival = await findPublishedFestival(params.slug ?? "", lang, at);
  if (!festival) throw notFound(t);
  return Response.json(livePayload(festival, presenter(lang, currency), t, at, await festivalTotals(festival.id)), {
    headers: { "Cache-Control": "public, max-age=0, s-maxage=2, stale-while-revalidate=5" },
  });
}
