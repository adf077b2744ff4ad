import { data } from "@remix-run/node";
import type { TFunction } from "i18next";

/** A translated 404, thrown from loaders; the root's meta uses its title. */
export function notFound(t: TFunction) {
  return data({ title: `${t("notFound.title")} · ${t("site.name")}` }, { status: 404 });
}
