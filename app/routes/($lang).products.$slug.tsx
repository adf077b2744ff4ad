import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProductView } from "~/components/product-page";
import { JsonLd } from "~/components/seo";
import { publicOrigin } from "~/env.server";
import { getProduct } from "~/modules/catalog/catalog.server";
import { presenter } from "~/modules/catalog/present.server";
import { productPageView } from "~/modules/catalog/product-page.server";
import { breadcrumbList, minorToDecimal, pageMeta, productJsonLd } from "~/modules/catalog/seo";
import { now as appNow } from "~/modules/clock/now.server";
import { shopperNotFound } from "~/modules/http/responses.server";
import { SHARED_PAGE_SECONDS, sharedPageHeaders } from "~/modules/http/shared-pages";
import { localizePath, LANG_TAGS } from "~/modules/i18n/config";
import { requestContext } from "~/modules/i18n/request.server";
import { currencyExponent } from "~/modules/money/money";
import { presentMinor } from "~/modules/money/presentment";
import { ProductSessions } from "~/components/programme";
import { timeZoneName } from "~/modules/i18n/format";
import { sessionsFeaturing } from "~/modules/programme/programme.server";
import { presentSessions } from "~/modules/programme/present.server";
import { sessionState } from "~/modules/programme/schedule";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? pageMeta(data.meta) : []);

export const headers = () => sharedPageHeaders(SHARED_PAGE_SECONDS.catalogue);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, t, currency } = requestContext(request);
  const now = appNow();
  const product = await getProduct(params.slug ?? "", lang, now);
  if (!product) throw await shopperNotFound(t, lang);
  const view = await presenter(lang, currency);
  const page = await productPageView(product, view, t, now);
  const origin = publicOrigin(request.url);
  const url = `${origin}${localizePath(`/products/${product.slug}`, lang)}`;
  const image = `${origin}${product.images[0]?.url ?? "/favicon.svg"}`;
  const description = product.description.length > 160 ? `${product.description.slice(0, 157)}…` : product.description;
  // The festival sessions that feature it and have not ended, each as its festival's programme shows it.
  const featuring = (await sessionsFeaturing(product.id, lang)).filter((s) => sessionState(s, now) !== "ended");
  const sessions = (
    await Promise.all(featuring.map((s) => presentSessions([s], { slug: s.festivalSlug, timeZone: s.timeZone }, view, t, now)))
  ).flat();
  const shownMinor = presentMinor(product.price.unitMinor, view.currency, view.rate.rateMicros);
  return {
    meta: { title: `${product.name} · ${t("site.name")}`, description, url, image, type: "product", locale: LANG_TAGS[lang].replace("-", "_"), siteName: t("site.name") },
    jsonLd: [
      productJsonLd({
        name: product.name,
        description: product.description,
        url,
        image,
        sku: product.slug,
        category: product.category.name,
        brand: product.store.name,
        storeUrl: `${origin}${localizePath(`/stores/${product.store.slug}`, lang)}`,
        price: minorToDecimal(shownMinor, currencyExponent(view.currency)),
        currency: view.currency,
        inStock: product.stock > 0,
        countryCode: product.store.countryCode,
        priceValidUntil: product.price.deal ? new Date(product.price.deal.endsAt).toISOString().slice(0, 10) : undefined,
      }),
      breadcrumbList([
        { name: t("nav.home"), url: `${origin}${localizePath("/", lang)}` },
        { name: t("nav.products"), url: `${origin}${localizePath("/products", lang)}` },
        { name: product.category.name, url: `${origin}${localizePath(`/categories/${product.category.slug}`, lang)}` },
        { name: product.name, url },
      ]),
    ],
    ...page,
    sessions,
    serverNow: now,
    utcName: timeZoneName("UTC", lang),
  };
}

export default function ProductPage() {
  const { product, more, jsonLd, sessions, serverNow, utcName } = useLoaderData<typeof loader>();
  return (
      <ProductView product={product} more={more} sessions={sessions.length ? <ProductSessions sessions={sessions} serverNow={serverNow} utcName={utcName} /> : null}>
        <JsonLd data={jsonLd} />
      </ProductView>
  );
}
