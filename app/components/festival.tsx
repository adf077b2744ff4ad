import { Link } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDuration } from "~/modules/i18n/format";
import { useLang, useLocalizedPath } from "~/modules/i18n/hooks";
import type { FestivalBannerView, TrackerView } from "~/modules/festivals/present.server";

/** Counts down to `target`; the server's text shows until the browser takes over. */
export function Countdown({ target, initial }: { target: number; initial: string }) {
  const lang = useLang();
  const [text, setText] = useState(initial);
  useEffect(() => {
    const tick = () => setText(formatDuration(target - Date.now(), lang));
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [target, lang]);
  return (
    <time className="countdown" dateTime={new Date(target).toISOString()} dir="ltr">
      {text}
    </time>
  );
}

function Meter({ label, value, target, percent }: { label: string; value: string; target: string | null; percent: number | null }) {
  return (
    <div className="meter">
      <dt>{label}</dt>
      <dd>
        <strong className="meter__value">
          <bdi dir="ltr">{value}</bdi>
        </strong>
        {target ? <span className="meter__target">{target}</span> : null}
        {percent !== null ? (
          <span className="meter__bar" aria-hidden="true">
            <span style={{ inlineSize: `${Math.min(100, percent)}%` }} />
          </span>
        ) : null}
      </dd>
    </div>
  );
}

export function FestivalBanner({ festival }: { festival: FestivalBannerView }) {
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  return (
    <section className={`festival-banner festival-banner--${festival.state}`} aria-labelledby="festival-title">
      <div className="festival-banner__head">
        <p className="festival-banner__kicker">
          <span className={`state-pill state-pill--${festival.state}`}>{festival.stateLabel}</span> {t("festival.label")}
        </p>
        <h2 id="festival-title" lang={festival.fallback ? "en" : undefined}>
          {festival.name}
        </h2>
        <p className="festival-banner__pitch">{festival.pitch}</p>
        {festival.nextBoundary ? (
          <p className="festival-banner__clock">
            <span>{festival.countdownLabel}</span> <Countdown target={festival.nextBoundary} initial={festival.countdownText} />
            <small className="festival-banner__when">
              {t("festival.localTime", { zone: festival.timeZone })}: {festival.boundaryLocal}
            </small>
          </p>
        ) : null}
        {festival.dealsLabel ? (
          <Link className="button" to={localize("/products")}>
            {festival.dealsLabel}
          </Link>
        ) : null}
      </div>
      <dl className="festival-banner__counters" data-counters={festival.slug}>
        {festival.counters.map((c) => (
          <Meter key={c.metric} label={c.label} value={c.value} target={c.target} percent={c.percent} />
        ))}
      </dl>
    </section>
  );
}

export function CampaignTrackerPanel({ tracker }: { tracker: TrackerView }) {
  const { t } = useTranslation();
  return (
    <section className="tracker" aria-labelledby="tracker-title">
      <h2 id="tracker-title">{t("tracker.title")}</h2>
      <dl className="tracker__meters">
        <Meter label={t("tracker.stores")} value={tracker.stores} target={tracker.storesTarget} percent={tracker.storesPercent} />
        <Meter label={t("tracker.products")} value={tracker.products} target={tracker.productsTarget} percent={tracker.productsPercent} />
        <Meter label={t("tracker.countries")} value={tracker.countries} target={null} percent={null} />
      </dl>
    </section>
  );
}
