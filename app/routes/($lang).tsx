import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { DEFAULT_LANG, isLang } from "~/modules/i18n/config";
import { tFor } from "~/modules/i18n/i18n.server";
import { shopperNotFound } from "~/modules/http/responses.server";

/** Every shopper page sits under an optional language prefix; an unknown prefix is a 404. */
export async function loader({ params }: LoaderFunctionArgs) {
  if (params.lang !== undefined && (!isLang(params.lang) || params.lang === DEFAULT_LANG)) {
    throw await shopperNotFound(tFor(DEFAULT_LANG), DEFAULT_LANG);
  }
  return null;
}

export default function LangLayout() {
  return <Outlet />;
}
