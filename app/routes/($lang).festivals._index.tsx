import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FestivalClock, FestivalImage } from "~/components/festival";
import { presenter } from "~/modules/catalog/present.server";
import { now } from "~/modules/clock/now.server";
import { readCounters } from "~/modules/counters/counters.server";
import { listFestivals } from "~/modules/festivals/festivals.server";
import { presentFestivalCard } from "~/modules/festivals/public.server";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { requestContext } from "~/modules/i18n/request.server";
import { SHARED_PAGE_SECONDS, sharedPageHeaders } from "~/modules/http/shared-pages";
import { BidiText } from "~/components/value";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: data.title }, { name: "description", content: data.description }] : [];

export const headers = () => sharedPageHeaders(SHARED_PAGE_SECONDS.liveCounters);

export async function loader({ request }: LoaderFunctionArgs) {
  const { lang, t, currency } = requestContext(request);
  const at = now();
  const view = await presenter(lang, currency);
  const all = await listFestivals(lang, at);
  const start = (f: (typeof all)[number]) => Math.min(...f.phases.map((p) => p.startsAt));
  const counters = await readCounters("festival", all.map((f) => String(f.id)));
  const card = (f: (typeof all)[number]) => presentFestivalCard(f, view, t, at, counters.get(String(f.id))!);
  return {
    title: `${t("festivals.list.title")} · ${t("site.name")}`,
    description: t("festivals.list.intro"),
    live: all.filter((f) => ["warmup", "live", "encore"].includes(f.clock.state)).sort((a, b) => start(a) - start(b)).map(card),
    upcoming: all.filter((f) => f.clock.state === "upcoming").sort((a, b) => start(a) - start(b)).map(card),
    past: all.filter((f) => f.clock.state === "ended").sort((a, b) => start(b) - start(a)).map(card),
  };
}

type Card = ReturnType<typeof useLoaderData<typeof loader>>["live"][number];

function FestivalList({ id, title, festivals, empty }: { id: string; title: string; festivals: Card[]; empty: string }) {
  const localize = useLocalizedPath();
  return (
    <section aria-labelledby={id} className="stack">
      <h2 id={id}>{title}</h2>
      {festivals.length ? (
        <ul className="festival-list">
          {festivals.map((f) => (
            <li key={f.slug} className={`festival-card festival-card--${f.state}`}>
              {f.image ? <FestivalImage image={f.image} className="festival-card__image" /> : null}
              <p>
                <span className={`state-pill state-pill--${f.state}`}>{f.stateLabel}</span>
              </p>
              <h3 lang={f.fallback ? "en" : undefined}>
                <Link to={localize(`/festivals/${f.slug}`)}>{f.name}</Link>
              </h3>
              <p>{f.pitch}</p>
              {f.sale ? (
                <p className="festival-card__dates">
                  <BidiText text={f.sale} />
                </p>
              ) : null}
              {f.state !== "ended" ? <FestivalClock festival={f} /> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{empty}</p>
      )}
    </section>
  );
}

export default function Festivals() {
  const { live, upcoming, past } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="container stack">
      <header className="page-head">
        <h1>{t("festivals.list.title")}</h1>
        <p>{t("festivals.list.intro")}</p>
      </header>
      <FestivalList id="live-festivals" title={t("festivals.list.live")} festivals={live} empty={t("festivals.list.noneLive")} />
      <FestivalList id="upcoming-festivals" title={t("festivals.list.upcoming")} festivals={upcoming} empty={t("festivals.list.noneUpcoming")} />
      <FestivalList id="past-festivals" title={t("festivals.list.past")} festivals={past} empty={t("festivals.list.nonePast")} />
    </div>
  );
}
