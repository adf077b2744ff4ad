/** The whole programme of a festival as an iCalendar file (RFC 5545), in the festival's zone. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { now } from "~/modules/clock/now.server";
import { findPublishedFestival } from "~/modules/festivals/public.server";
import { notFound } from "~/modules/http/responses.server";
import { requestContext } from "~/modules/i18n/request.server";
import { calendarResponse } from "~/modules/programme/calendar.server";
import { festivalProgramme } from "~/modules/programme/programme.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, t } = requestContext(request);
  const at = now();
  const festival = await findPublishedFestival(params.slug ?? "", lang, at);
  if (!festival) throw notFound(t);
  return calendarResponse(request, festival, await festivalProgramme(festival.id, lang), lang, t, at, `${festival.slug}-programme.ics`);
}
