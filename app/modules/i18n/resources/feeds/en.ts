/** English: product feeds for other platforms, and orders by source (keys under "feeds."). */
export default {
  channelDescription: "Quality products from African stores, on the Silk Road Showcase.",
  title: "Product feeds",
  link: "Product feeds",
  intro:
    "Feeds for other platforms, one per language and currency. Give a platform a feed's address: it lists live products only, at the prices shoppers see now (festival prices while a deal is live), and every link in it tells us which platform a shopper came from.",
  currency: "Currency",
  show: "Show",
  language: "Language",
  feed: "Feed",
  address: "Address",
  kinds: {
    google: "Google Merchant Center (XML)",
    meta: "Meta catalogue (CSV)",
    csv: "Marketplace export (CSV)",
    json: "Marketplace export (JSON)",
  },
  copy: "Copy",
  copied: "Copied",
  open: "Open",
  urlLabel: "{{feed}}, {{language}}",
  ownerOptOut: "Keep this product out of the product feeds",
  ownerOptOutHint: "Product feeds show your live products on search engines' shopping tabs, social catalogues and marketplaces.",
  sources: {
    title: "Orders by source",
    caption: "Paid orders by the link the shopper came from (utm_source); revenue counts goods, not shipping.",
    source: "Source",
    orders: "Orders",
    revenue: "Revenue",
    direct: "Direct or unknown",
    none: "No paid orders yet.",
  },
};
