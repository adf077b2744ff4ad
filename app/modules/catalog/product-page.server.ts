/**
 * What the product page shows, from a product's detail: shared by the
 * shoppers' page and the owner's private preview, so the preview is the page.
 */
import type { TFunction } from "i18next";
import type { Lang } from "../i18n/config";
import { countryName, formatDuration, formatMoney, formatNumber } from "../i18n/format";
import { bidiSegments, isolateMarkedValues, isolateNumbersInHtml } from "../i18n/isolate";
import { renderMarkdown } from "../markdown/markdown.server";
import { DEFAULT_DESTINATION } from "../shipping/destination";
import { shipmentsFor } from "../shipping/shipping.server";
import { srcSetFor } from "../uploads/images.server";
import { moreFromStore, type ProductDetail } from "./catalog.server";
import { presentProduct, type Presenter } from "./present.server";

export async function productPageView(product: ProductDetail, view: Presenter, t: TFunction, now: number) {
  const lang: Lang = view.lang;
  const card = presentProduct(product, view, t);
  // A shared page knows only its language: quote the language's likely destination; the cart and checkout are exact.
  const shippingLine = async () => {
    const destination = DEFAULT_DESTINATION[lang];
    const [quote] = await shipmentsFor(
      [{ storeId: product.storeId, storeCountry: product.store.countryCode }],
      destination,
      view.currency,
      view.rate.rateMicros,
    );
    // The sentence marks its values with <bdi>; they become runs and values that <BidiSegments> renders
    // (no <Trans> in the browser, and no invisible isolate characters in the page's data).
    return bidiSegments(
      isolateMarkedValues(
        t("checkout.delivery.line", {
          country: countryName(destination, lang),
          cost: quote.costMinor === 0 ? t("checkout.delivery.free") : formatMoney(quote.costMinor, view.currency, lang),
          min: quote.minDays,
          max: quote.maxDays,
        }),
      ),
    );
  };
  return {
    product: {
      ...card,
      description: product.description,
      // Owner-written Markdown, sanitised on the server (app/modules/markdown).
      descriptionHtml: isolateNumbersInHtml(renderMarkdown(product.description)),
      descriptionFallback: product.fallback || product.descriptionFallback,
      originNote: product.originNote,
      originFallback: product.fallback || product.originFallback,
      // Uploaded photos come in several widths; seeded art is one SVG.
      images: product.images.map((i) => ({ ...i, srcSet: srcSetFor(i.url) ?? null })),
      category: product.category,
      dealTimeLeft: card.dealEndsAt ? formatDuration(card.dealEndsAt - now, lang) : null,
      // While a deal is live: how many of its committed units are left at the festival price,
      // or that none are (the regular price then applies).
      dealUnitsLeft: product.price.deal
        ? t("catalog.deal.unitsLeft", { value: formatNumber(product.price.deal.unitsLeft, lang) })
        : null,
      dealSoldOut: product.price.dealSoldOut,
      shipping: await shippingLine(),
    },
    more: (await moreFromStore(lang, product.storeId, product.id, 4, now)).map((p) => presentProduct(p, view, t)),
  };
}

export type ProductPageView = Awaited<ReturnType<typeof productPageView>>;
