/** Pieces of the organiser's live dashboard: progress bars, tables and an hourly SVG chart that reads without JavaScript. */
import { useTranslation } from "react-i18next";
import type { TrackerCountryRow } from "~/modules/festivals/present.server";
import { TableScroll } from "./table-scroll";
import { TargetFlagPill, type TargetFlag } from "./campaign-trend";
import { dirOf } from "~/modules/i18n/config";
import { useLang } from "~/modules/i18n/hooks";
import { isolate } from "~/modules/i18n/isolate";
import { BidiText, Value } from "./value";

export function ProgressRow({
  label,
  value,
  target,
  percent,
  fill,
  metric,
  flag,
}: {
  label: string;
  value: string;
  target: string;
  percent: number | null;
  fill?: number;
  metric?: string;
  /** The target's standing against steady progress (the organiser console flags the ones behind). */
  flag?: TargetFlag | null;
}) {
  const { t } = useTranslation();
  return (
    <div className="progress-row" data-metric={metric}>
      <div className="progress-row__text">
        <strong>{label}</strong>{" "}
        <span>
          <Value ltr>{value}</Value> / <Value ltr>{target}</Value>
        </span>
        {percent !== null ? (
          <span className="muted">
            {" · "}
            <BidiText text={t("festivals.dashboard.percent", { percent })} />
          </span>
        ) : null}
        {flag && flag.standing !== "notStarted" ? (
          <>
            {" "}
            <TargetFlagPill flag={flag} />
          </>
        ) : null}
      </div>
      <progress max={100} value={Math.min(100, fill ?? percent ?? 0)} aria-label={label}>
        {percent ?? 0}%
      </progress>
    </div>
  );
}

interface Hour {
  hour: number;
  label: string;
  orders: number;
  ordersText: string;
  gmvText: string;
  ordersRatio: number;
  gmvRatio: number;
}

export function HourlyChart({
  hours,
  maxOrders,
  maxGmv,
  firstLabel,
  lastLabel,
}: {
  hours: Hour[];
  maxOrders: string;
  maxGmv: string;
  firstLabel: string;
  lastLabel: string;
}) {
  const { t } = useTranslation();
  // Time runs the way the page reads: right to left in Arabic, so the chart is mirrored and its caption's arrow too.
  const rtl = dirOf(useLang()) === "rtl";
  const width = 720;
  const height = 220;
  const pad = { top: 16, bottom: 28, left: 8, right: 8 };
  const plotH = height - pad.top - pad.bottom;
  const step = (width - pad.left - pad.right) / Math.max(1, hours.length);
  const line = hours
    .map((h, i) => `${(pad.left + step * (i + 0.5)).toFixed(1)},${(pad.top + plotH * (1 - h.gmvRatio)).toFixed(1)}`)
    .join(" ");
  return (
    <figure className="hourly-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="hourly-title hourly-desc" preserveAspectRatio="none">
        <title id="hourly-title">{t("festivals.dashboard.chartTitle")}</title>
        <desc id="hourly-desc">{t("festivals.dashboard.chartDesc", { orders: maxOrders, gmv: maxGmv })}</desc>
        <g transform={rtl ? `translate(${width} 0) scale(-1 1)` : undefined}>
          <line x1={pad.left} x2={width - pad.right} y1={pad.top + plotH} y2={pad.top + plotH} className="hourly-chart__axis" />
          {hours.map((h, i) => (
            <rect
              key={h.hour}
              x={pad.left + step * i + step * 0.15}
              width={Math.max(1, step * 0.7)}
              y={pad.top + plotH * (1 - h.ordersRatio)}
              height={plotH * h.ordersRatio}
              className="hourly-chart__bar"
            >
              <title>{`${h.label}: ${h.ordersText} · ${h.gmvText}`}</title>
            </rect>
          ))}
          <polyline points={line} className="hourly-chart__line" fill="none" />
        </g>
      </svg>
      <figcaption>
        <span className="legend legend--bar">
          <BidiText text={t("festivals.dashboard.ordersPerHour", { max: isolate(maxOrders, "ltr") })} />
        </span>{" "}
        <span className="legend legend--line">
          <BidiText text={t("festivals.dashboard.gmvPerHour", { max: isolate(maxGmv, "ltr") })} />
        </span>
        <br />
        <small className="muted">
          <Value>{firstLabel}</Value> {rtl ? "←" : "→"} <Value>{lastLabel}</Value>
        </small>
      </figcaption>
      <details>
        <summary>{t("festivals.dashboard.chartTable")}</summary>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("festivals.dashboard.hour")}</th>
              <th scope="col">{t("festival.orders")}</th>
              <th scope="col">{t("festival.gmv")}</th>
            </tr>
          </thead>
          <tbody>
            {hours
              .filter((h) => h.orders > 0)
              .map((h) => (
                <tr key={h.hour}>
                  <td>
                    <Value>{h.label}</Value>
                  </td>
                  <td>
                    <Value ltr>{h.ordersText}</Value>
                  </td>
                  <td>
                    <Value ltr>{h.gmvText}</Value>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

export function BreakdownTable({
  caption,
  rows,
  withCountry = false,
  withRank = false,
}: {
  caption: string;
  rows: {
    key: string;
    name: string;
    orders: string;
    units: string;
    gmv: string;
    share: number;
    country?: string;
    rank?: string;
  }[];
  withCountry?: boolean;
  withRank?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <TableScroll label={caption}>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {withRank ? <th scope="col">#</th> : null}
            <th scope="col">{t("festivals.dashboard.name")}</th>
            {withCountry ? <th scope="col">{t("festivals.organiser.country")}</th> : null}
            <th scope="col">{t("festival.orders")}</th>
            <th scope="col">{t("festival.units")}</th>
            <th scope="col">{t("festival.gmv")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              {withRank ? (
                <td>
                  <Value ltr>{r.rank}</Value>
                </td>
              ) : null}
              <th scope="row">
                <BidiText text={r.name} />
              </th>
              {withCountry ? <td>{r.country}</td> : null}
              <td>
                <Value ltr>{r.orders}</Value>
              </td>
              <td>
                <Value ltr>{r.units}</Value>
              </td>
              <td>
                <Value ltr>{r.gmv}</Value>
                <span className="share-bar" aria-hidden="true">
                  <span style={{ inlineSize: `${r.share}%` }} />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** A country's count, with a bar for its share of the campaign goal (readable without colour: the label says the percent). */
function TrackerShare({ value, percent, target }: { value: string; percent: number; target: string }) {
  const { t } = useTranslation();
  const label = t("tracker.shareOfGoal", { percent, target });
  return (
    <span className="tracker-share">
      <Value ltr>{value}</Value>
      <progress max={100} value={Math.min(100, percent)} aria-label={label} title={label}>
        {percent}%
      </progress>
    </span>
  );
}

/** Stores live and products listed per country (the campaign tracker's table). */
export function CountryTrackerTable({ rows, caption }: { rows: TrackerCountryRow[]; caption?: string }) {
  const { t } = useTranslation();
  return (
    <TableScroll label={caption ?? t("tracker.title")}>
      <table className="data-table">
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col">{t("festivals.organiser.country")}</th>
            <th scope="col">{t("tracker.stores")}</th>
            <th scope="col">{t("tracker.products")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.code}>
              <th scope="row">{c.name}</th>
              <td>
                <TrackerShare value={c.stores} percent={c.storesShare} target={c.storesGoal} />
              </td>
              <td>
                <TrackerShare value={c.products} percent={c.productsShare} target={c.productsGoal} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
