/** The programme's calendar files: one session, or every approved session of a festival. */
import type { TFunction } from "i18next";
import { publicOrigin } from "~/env.server";
import type { FestivalSummary } from "../festivals/festivals.server";
import { localizePath, type Lang } from "../i18n/config";
import { writeCalendar, type CalendarEvent } from "./ics";
import type { SessionRow } from "./programme.server";

function event(s: SessionRow, f: FestivalSummary, lang: Lang, t: TFunction, origin: string): CalendarEvent {
  const page = `${origin}${localizePath(`/festivals/${f.slug}`, lang)}#programme`;
  return {
    // Stable across downloads and languages, so a calendar updates the event rather than adding a copy.
    uid: `festival-session-${s.id}@${new URL(origin).hostname}`,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    title: s.title,
    description: [s.summary, t("programme.hostedBy", { name: s.hostName }), t("programme.calendarWatch", { url: s.watchUrl }), page].join("\n\n"),
    url: s.watchUrl,
    location: s.watchUrl,
  };
}

export function calendarResponse(request: Request, f: FestivalSummary, sessions: readonly SessionRow[], lang: Lang, t: TFunction, now: number, filename: string): Response {
  const origin = publicOrigin(request.url);
  const body = writeCalendar({
    name: `${f.name} · ${t("programme.title")}`,
    timeZone: f.timeZone,
    stampedAt: now,
    events: sessions.map((s) => event(s, f, lang, t, origin)),
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "public, max-age=0, s-maxage=30, stale-while-revalidate=60",
    },
  });
}
