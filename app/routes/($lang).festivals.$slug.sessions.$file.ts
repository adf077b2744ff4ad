/** One session of a festival's programme as an iCalendar file: /festivals/:slug/sessions/:id.ics */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { now } from "~/modules/clock/now.server";
import { findPublishedFestival } from "~/modules/festivals/public.server";
import { notFound } from "~/modules/http/responses.server";
import { requestContext } from "~/modules/i18n/request.server";
import { calendarResponse } from "~/modules/programme/calendar.server";
import { publicSession } from "~/modules/programme/programme.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, t } = requestContext(request);
  const at = now();
  const id = /^(\d{1,9})\.ics$/.exec(params.file ?? "")?.[1];
  const festival = id ? await findPublishedFestival(params.slug ?? "", lang, at) : null;
  const session = festival && id ? await publicSession(festival.id, Number(id), lang) : null;
  if (!festival || !session) throw notFound(t);
  return calendarResponse(request, festival, [session], lang, t, at, `${festival.slug}-session-${session.id}.ics`);
}
