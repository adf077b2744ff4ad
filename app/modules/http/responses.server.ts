import { data } from "@remix-run/node";
import type { TFunction } from "i18next";
import type { Lang } from "../i18n/config";
import type { FormProblem } from "./form.server";
import { notFoundSuggestions } from "./not-found.server";

/** A translated 404, thrown from loaders; the root's meta uses its title. */
export function notFound(t: TFunction) {
  return data({ title: `${t("notFound.title")} · ${t("site.name")}`, suggestions: null }, { status: 404 });
}

/**
 * The shoppers' 404 (`throw await shopperNotFound(t, lang)`): the page then
 * suggests where to go instead (popular categories, the festival, new products).
 */
export async function shopperNotFound(t: TFunction, lang: Lang) {
  const suggestions = await notFoundSuggestions(lang);
  return data({ title: `${t("notFound.title")} · ${t("site.name")}`, suggestions }, { status: 404 });
}

/**
 * A translated 400 for a request body no form can use (see form.server.ts).
 * A page route's error boundary shows its message in the page's language; a
 * resource route (e.g. the test clock) sends it as it is, hence a Response rather
 * than `data()`, which only page routes turn into an answer.
 */
export function badRequest(t: TFunction, problem: FormProblem = "unreadable") {
  return Response.json({ title: `${t("badRequest.title")} · ${t("site.name")}`, message: t(`badRequest.${problem}`) }, { status: 400 });
}
