/** The organiser's product feeds: every feed's address for one currency, per language and platform, to give to those platforms. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CopyableUrl } from "~/components/feeds";
import { publicOrigin } from "~/env.server";
import { requireOrganiser } from "~/modules/auth/guards.server";
import { FEED_KINDS, feedPath } from "~/modules/feeds/feeds";
import { LANG_NAMES, LANGS } from "~/modules/i18n/config";
import { requestContext } from "~/modules/i18n/request.server";
import { CURRENCY_PARAM, PRESENTMENT_CURRENCIES } from "~/modules/money/currency";

// A navigation into the back office first downloads its strings.
export { backOfficeClientLoader as clientLoader } from "~/modules/i18n/back-office-strings";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }, { name: "robots", content: "noindex" }] : []);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const { t, currency } = requestContext(request);
  const origin = publicOrigin(request.url);
  return {
    title: `${t("feeds.title")} · ${t("site.name")}`,
    currency,
    currencies: PRESENTMENT_CURRENCIES,
    languages: LANGS.map((lang) => ({
      lang,
      name: LANG_NAMES[lang],
      feeds: FEED_KINDS.map((kind) => ({ kind, label: t(`feeds.kinds.${kind}`), url: `${origin}${feedPath(kind, lang, currency)}` })),
    })),
  };
}

export default function OrganiserFeeds() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="container stack">
      <header className="page-head">
        <h1>{t("feeds.title")}</h1>
      </header>
      <p>{t("feeds.intro")}</p>
      <Form method="get" className="feeds-currency">
        <label htmlFor="feeds-currency">{t("feeds.currency")}</label>
        <select id="feeds-currency" name={CURRENCY_PARAM} defaultValue={d.currency} key={d.currency}>
          {d.currencies.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--small">
          {t("feeds.show")}
        </button>
      </Form>
      {d.languages.map((l) => (
        <section key={l.lang} className="stack feeds-language" aria-labelledby={`feeds-${l.lang}`} data-feeds-lang={l.lang}>
          <h2 id={`feeds-${l.lang}`} lang={l.lang}>
            {l.name}
          </h2>
          <ul className="feeds-list">
            {l.feeds.map((f) => (
              <li key={f.kind} className="feeds-list__item" data-feed={f.kind}>
                <span className="feeds-list__label">{f.label}</span>
                <CopyableUrl url={f.url} label={t("feeds.urlLabel", { feed: f.label, language: l.name })} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
