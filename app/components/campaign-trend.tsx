/**
 * The campaign tracker over time, drawn on the server as inline SVG (no chart
 * library, no script): stores live and products listed per day, each as a
 * share of its target so both fit one scale, against the dashed line of
 * steady progress from the campaign's start to its end. Screen readers get
 * the SVG's title and description and the same figures as a table.
 */
import { useTranslation } from "react-i18next";
import { dirOf } from "~/modules/i18n/config";
import { useLang } from "~/modules/i18n/hooks";
import { isolate } from "~/modules/i18n/isolate";
import { TableScroll } from "./table-scroll";
import { BidiText, Value } from "./value";

export interface TrendPoint {
  label: string;
  stores: string;
  products: string;
  /** Shares of the targets, 0–1 (not clamped: a target passed goes past the top line). */
  storesShare: number;
  productsShare: number;
  /** The day's numbers changed from the day before (the table lists only those days). */
  changed: boolean;
}

export interface TargetFlag {
  metric: "stores" | "products" | "orders" | "units" | "gmv";
  standing: "notStarted" | "onTrack" | "behind" | "met" | "missed";
  label: string;
  expected: string | null;
}

export function TargetFlagPill({ flag }: { flag: TargetFlag }) {
  const { t } = useTranslation();
  return (
    <span className="target-flag" data-target={flag.metric} data-standing={flag.standing}>
      <span className={`state-pill target-flag__pill target-flag__pill--${flag.standing}`}>{t(`festivals.trend.standing.${flag.standing}`)}</span>
      {flag.expected ? (
        <small className="muted">
          {" "}
          <BidiText text={t("festivals.trend.expected", { expected: isolate(flag.expected, "ltr") })} />
        </small>
      ) : null}
    </span>
  );
}

export function CampaignTrendChart({
  points,
  windowDays,
  from,
  to,
  stores,
  products,
  flags,
}: {
  points: TrendPoint[];
  /** Days the campaign's window spans; the points fill its first part (up to today). */
  windowDays: number;
  from: string;
  to: string;
  stores: { value: string; target: string };
  products: { value: string; target: string };
  flags: TargetFlag[];
}) {
  const { t } = useTranslation();
  // Time runs the way the page reads, as on the festival's hourly chart: in
  // Arabic the first day is on the right and today towards the left, so the
  // drawing is mirrored and the caption's arrow points left.
  const rtl = dirOf(useLang()) === "rtl";
  const width = 720;
  const height = 240;
  const pad = { top: 12, bottom: 12, side: 8 };
  const plotW = width - 2 * pad.side;
  const plotH = height - pad.top - pad.bottom;
  // The top of the plot is 110% of the target, so a target passed stays in sight.
  const top = Math.max(1.1, ...points.map((p) => Math.max(p.storesShare, p.productsShare)));
  const span = Math.max(1, windowDays - 1);
  const x = (i: number) => pad.side + (plotW * i) / span;
  const y = (share: number) => pad.top + plotH * (1 - share / top);
  const line = (pick: (p: TrendPoint) => number) => points.map((p, i) => `${x(i).toFixed(1)},${y(pick(p)).toFixed(1)}`).join(" ");
  const today = points.length - 1;
  return (
    <figure className="trend-chart" data-trend-chart="">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="trend-title trend-desc" preserveAspectRatio="none">
        <title id="trend-title">{t("festivals.trend.chartTitle")}</title>
        <desc id="trend-desc">
          {t("festivals.trend.chartDesc", { from, to, stores: stores.value, storesTarget: stores.target, products: products.value, productsTarget: products.target })}
        </desc>
        <g transform={rtl ? `translate(${width} 0) scale(-1 1)` : undefined}>
          {[0.25, 0.5, 0.75, 1].map((g) => (
            <line key={g} x1={pad.side} x2={width - pad.side} y1={y(g)} y2={y(g)} className={g === 1 ? "trend-chart__target" : "trend-chart__grid"} />
          ))}
          <line x1={pad.side} x2={width - pad.side} y1={y(0)} y2={y(0)} className="trend-chart__axis" />
          <line x1={x(0)} y1={y(0)} x2={x(span)} y2={y(1)} className="trend-chart__expected" data-series="expected" />
          {today > 0 ? <line x1={x(today)} x2={x(today)} y1={pad.top} y2={y(0)} className="trend-chart__today" /> : null}
          <polyline points={line((p) => p.productsShare)} className="trend-chart__products" fill="none" data-series="products" />
          <polyline points={line((p) => p.storesShare)} className="trend-chart__stores" fill="none" data-series="stores" />
        </g>
      </svg>
      <figcaption>
        <span className="legend legend--stores">
          <BidiText text={t("festivals.trend.storesLine", { value: isolate(stores.value, "ltr"), target: isolate(stores.target, "ltr") })} />
        </span>{" "}
        <span className="legend legend--products">
          <BidiText text={t("festivals.trend.productsLine", { value: isolate(products.value, "ltr"), target: isolate(products.target, "ltr") })} />
        </span>{" "}
        <span className="legend legend--expected">{t("festivals.trend.expectedLine")}</span>
        <br />
        <small className="muted">
          <Value>{from}</Value> {rtl ? "←" : "→"} <Value>{to}</Value>
        </small>
      </figcaption>
      {flags.length ? (
        <ul className="target-flags" aria-label={t("festivals.trend.targets")}>
          {flags.map((f) => (
            <li key={f.metric}>
              <strong>{f.label}</strong> <TargetFlagPill flag={f} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("festivals.trend.noWindow")}</p>
      )}
      <details>
        <summary>{t("festivals.trend.table")}</summary>
        <TableScroll label={t("festivals.trend.table")}>
          <table className="data-table" data-trend-table="">
            <thead>
              <tr>
                <th scope="col">{t("festivals.trend.day")}</th>
                <th scope="col">{t("tracker.stores")}</th>
                <th scope="col">{t("tracker.products")}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p, i) =>
                p.changed || i === 0 || i === today ? (
                  <tr key={i}>
                    <th scope="row">
                      <Value>{p.label}</Value>
                    </th>
                    <td>
                      <Value ltr>{p.stores}</Value>
                    </td>
                    <td>
                      <Value ltr>{p.products}</Value>
                    </td>
                  </tr>
                ) : null,
              )}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </figure>
  );
}
