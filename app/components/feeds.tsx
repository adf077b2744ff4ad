/** The organiser's product feeds (copyable addresses) and the orders-by-source table. */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useHydrated } from "./cart";
import { TableScroll } from "./table-scroll";
import { Value } from "./value";

/** A feed's address, selectable without JavaScript; with it, a button copies it. */
export function CopyableUrl({ url, label }: { url: string; label: string }) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const [copied, setCopied] = useState(false);
  return (
    <span className="copyable-url">
      <input type="text" readOnly value={url} aria-label={label} dir="ltr" onFocus={(e) => e.currentTarget.select()} data-feed-url="" />
      {hydrated ? (
        <button
          type="button"
          className="button button--small button--ghost"
          onClick={() => {
            void navigator.clipboard?.writeText(url).then(() => setCopied(true));
          }}
        >
          {copied ? t("feeds.copied") : t("feeds.copy")}
        </button>
      ) : null}
      <a className="button button--small button--ghost" href={url}>
        {t("feeds.open")}
      </a>
    </span>
  );
}

export interface SourceRow {
  key: string;
  source: string;
  orders: string;
  revenue: string;
}

export function OrdersBySourceTable({ rows }: { rows: SourceRow[] }) {
  const { t } = useTranslation();
  if (!rows.length) return <p className="muted">{t("feeds.sources.none")}</p>;
  return (
    <TableScroll label={t("feeds.sources.title")}>
      <table className="data-table" data-orders-by-source="">
        <caption>{t("feeds.sources.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("feeds.sources.source")}</th>
            <th scope="col">{t("feeds.sources.orders")}</th>
            <th scope="col">{t("feeds.sources.revenue")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-source={r.key}>
              <th scope="row">{r.source}</th>
              <td>
                <Value ltr>{r.orders}</Value>
              </td>
              <td>
                <Value ltr>{r.revenue}</Value>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
