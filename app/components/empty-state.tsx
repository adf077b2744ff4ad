import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function EmptyState({ title, text, clearHref }: { title: string; text: string; clearHref?: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="empty-state">
      <p className="empty-state__title">{title}</p>
      <p>{text}</p>
      {clearHref ? (
        <Link to={clearHref} className="button button--ghost">
          {t("catalog.filters.clear")}
        </Link>
      ) : null}
    </div>
  );
}
