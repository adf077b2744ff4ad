/** Server-sent events: the festival's counters and its sessions' orders, pushed when they change (one shared feed per festival, language and currency). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { presenter } from "~/modules/catalog/present.server";
import { now } from "~/modules/clock/now.server";
import { counterEvents } from "~/modules/festivals/live.server";
import { findPublishedFestival, livePayload } from "~/modules/festivals/public.server";
import { notFound } from "~/modules/http/responses.server";
import { requestContext } from "~/modules/i18n/request.server";
import { festivalProgramme } from "~/modules/programme/programme.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, t, currency } = requestContext(request);
  const festival = await findPublishedFestival(params.slug ?? "", lang, now());
  if (!festival) throw notFound(t);
  const view = await presenter(lang, currency);
  const sessionIds = (await festivalProgramme(festival.id, lang)).map((s) => String(s.id));
  return counterEvents({
    signal: request.signal,
    source: { festivalId: festival.id, lang, currency: view.currency, sessionIds, payload: (values, sessions) => livePayload(festival, view, t, now(), values, sessions) },
  });
}
