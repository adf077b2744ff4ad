/**
 * Structured data (schema.org JSON-LD) and sharing tags, built from what a
 * page already shows. Pure: inputs in, plain objects out.
 */
export function breadcrumbList(items: { name: string; url: string }[]) {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: items.map((item, i) => ({ "@type": "ListItem", position: i + 1, name: item.name, item: item.url })),
  };
}

export interface ProductLd {
  name: string;
  description: string;
  url: string;
  image: string;
  sku: string;
  category: string;
  brand: string;
  storeUrl: string;
  /** Major-unit decimal string, e.g. "12.99", exact from minor units. */
  price: string;
  currency: string;
  inStock: boolean;
  countryCode: string;
  priceValidUntil?: string;
}

export function productJsonLd(p: ProductLd) {
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: p.name,
    description: p.description,
    image: [p.image],
    sku: p.sku,
    category: p.category,
    countryOfOrigin: { "@type": "Country", name: p.countryCode },
    brand: { "@type": "Brand", name: p.brand },
    offers: {
      "@type": "Offer",
      url: p.url,
      price: p.price,
      priceCurrency: p.currency,
      availability: p.inStock ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
      ...(p.priceValidUntil ? { priceValidUntil: p.priceValidUntil } : {}),
      seller: { "@type": "Organization", name: p.brand, url: p.storeUrl },
    },
  };
}

export function storeJsonLd(s: { name: string; description: string; url: string; image: string; city: string; countryCode: string; foundedYear: number | null }) {
  return {
    "@context": "https://schema.org",
    "@type": "Store",
    name: s.name,
    description: s.description,
    url: s.url,
    image: s.image,
    address: { "@type": "PostalAddress", addressLocality: s.city, addressCountry: s.countryCode },
    ...(s.foundedYear ? { foundingDate: String(s.foundedYear) } : {}),
  };
}

/** Minor units as an exact decimal string ("1299", 2 → "12.99"); no floats. */
export function minorToDecimal(amountMinor: number, exponent: number): string {
  if (exponent === 0) return String(amountMinor);
  const s = String(Math.abs(amountMinor)).padStart(exponent + 1, "0");
  return `${amountMinor < 0 ? "-" : ""}${s.slice(0, -exponent)}.${s.slice(-exponent)}`;
}

/** Meta tags every catalogue page shares: title, description, Open Graph. */
export function pageMeta(m: { title: string; description: string; url?: string; image?: string; type?: string; locale?: string; siteName?: string; noindex?: boolean }) {
  return [
    { title: m.title },
    { name: "description", content: m.description },
    { property: "og:title", content: m.title },
    { property: "og:description", content: m.description },
    { property: "og:type", content: m.type ?? "website" },
    ...(m.url ? [{ property: "og:url", content: m.url }] : []),
    ...(m.image ? [{ property: "og:image", content: m.image }, { name: "twitter:card", content: "summary_large_image" }] : []),
    ...(m.locale ? [{ property: "og:locale", content: m.locale }] : []),
    ...(m.siteName ? [{ property: "og:site_name", content: m.siteName }] : []),
    ...(m.noindex ? [{ name: "robots", content: "noindex, follow" }] : []),
  ];
}
