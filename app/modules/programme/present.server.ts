/**
 * The programme as pages show it: each session with its times in the
 * festival's zone and in UTC (the browser swaps in the viewer's zone), a
 * countdown that says what it counts to (its start, then its end), its
 * featured products as cards a shopper can add to the cart, and its counters.
 */
import type { TFunction } from "i18next";
import { productCardsByIds } from "../catalog/catalog.server";
import { presentProduct, type Presenter } from "../catalog/present.server";
import { readCounters, type CounterValues } from "../counters/counters.server";
import { formatDateTime, formatDuration, formatNumber, timeZoneName } from "../i18n/format";
import { isolate } from "../i18n/isolate";
import type { SessionRow } from "./programme.server";
import { readProgramme, sessionState } from "./schedule";

const range = (a: number, b: number, lang: Presenter["lang"], zone: string) => `${isolate(formatDateTime(a, lang, zone))} – ${isolate(formatDateTime(b, lang, zone))}`;

/** One session, formatted; `products` are only the featured products still on sale. */
export async function presentSessions(sessions: readonly SessionRow[], festival: { slug: string; timeZone: string }, view: Presenter, t: TFunction, now: number, counters?: Map<string, CounterValues>) {
  const cards = await productCardsByIds(view.lang, [...new Set(sessions.flatMap((s) => s.productIds))], now);
  const cardBy = new Map(cards.map((c) => [c.id, c]));
  const zoneName = timeZoneName(festival.timeZone, view.lang, sessions[0]?.startsAt ?? now);
  return sessions.map((s) => {
    const state = sessionState(s, now);
    const target = state === "upcoming" ? s.startsAt : state === "onNow" ? s.endsAt : null;
    return {
      id: s.id,
      kind: s.kind,
      kindLabel: t(`programme.kind.${s.kind}`),
      channelLabel: t(`programme.channel.${s.channel}`),
      title: s.title,
      summary: s.summary,
      fallback: s.fallback,
      host: t("programme.hostedBy", { name: isolate(s.hostName, "auto") }),
      hostStoreSlug: s.hostStoreSlug,
      state,
      stateLabel: t(`programme.state.${state}`),
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      festivalTimeLabel: t("programme.festivalTime", { zone: zoneName }),
      local: range(s.startsAt, s.endsAt, view.lang, festival.timeZone),
      utcStart: formatDateTime(s.startsAt, view.lang, "UTC"),
      utcEnd: formatDateTime(s.endsAt, view.lang, "UTC"),
      countdown: target ? { label: t(state === "upcoming" ? "programme.startsIn" : "programme.endsIn"), at: target, text: formatDuration(target - now, view.lang) } : null,
      watchUrl: s.watchUrl,
      icsPath: `/festivals/${festival.slug}/sessions/${s.id}.ics`,
      orders: counters ? formatNumber(counters.get(String(s.id))?.orders ?? 0, view.lang) : null,
      products: s.productIds.flatMap((id) => {
        const card = cardBy.get(id);
        if (!card) return [];
        const p = presentProduct(card, view, t);
        return [{ slug: p.slug, name: p.name, fallback: p.fallback, image: p.image, price: p.price, soldOut: card.stock <= 0 }];
      }),
    };
  });
}

export type SessionView = Awaited<ReturnType<typeof presentSessions>>[number];

/** The festival page's programme: on now, next and the full schedule, with each session's order counter. */
export async function presentProgramme(sessions: readonly SessionRow[], festival: { slug: string; timeZone: string }, view: Presenter, t: TFunction, now: number) {
  const counters = await readCounters("session", sessions.map((s) => String(s.id)));
  const all = await presentSessions(sessions, festival, view, t, now, counters);
  const reading = readProgramme(sessions, now);
  const pick = (ids: number[]) => all.filter((s) => ids.includes(s.id));
  return {
    onNow: pick(reading.onNow.map((s) => s.id)),
    next: pick(reading.next.map((s) => s.id)),
    all,
    icsPath: `/festivals/${festival.slug}/programme.ics`,
  };
}

/** The live feed's part for the programme: each session's order counter, formatted. */
export function presentSessionCounters(values: Map<string, CounterValues>, lang: Presenter["lang"]): Record<string, string> {
  return Object.fromEntries([...values].map(([id, v]) => [id, formatNumber(v.orders, lang)]));
}
