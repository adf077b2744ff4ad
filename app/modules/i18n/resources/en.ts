import auth from "./auth/en";
import catalog from "./catalog/en";
import checkout from "./checkout/en";
import festivals from "./festivals/en";
import programme from "./programme/en";

/**
 * English UI strings: the reference every other language must match key
 * for key (tests/i18n.test.ts). Plural keys follow i18next (`_one`, `_other`,
 * and whatever categories Intl.PluralRules gives the language).
 */
const en = {
  site: {
    name: "Silk Road Showcase",
    tagline: "100 African stores · 1,000 African products",
    description:
      "Shop quality products from 100 featured African stores, with online shopping festivals for shoppers in China and across Africa.",
  },
  nav: {
    skip: "Skip to content",
    home: "Home",
    stores: "Stores",
    products: "Products",
    main: "Main navigation",
    language: "Language",
    breadcrumb: "Breadcrumb",
    festivals: "Festivals",
    countries: "Countries",
  },
  home: {
    title: "African stores and products, festival prices",
    heroTitle: "The best of Africa, from the makers themselves",
    heroText:
      "Coffee from the Ethiopian highlands, shea butter from Burkina Faso, kente from Ghana: 100 African stores selling 1,000 products, with festival prices for shoppers in China and across Africa.",
    ctaProducts: "Browse products",
    ctaStores: "Meet the stores",
    categories: "Shop by category",
    featuredStores: "Featured stores",
    pavilions: "Country pavilions",
    newProducts: "Just listed",
    viewAll: "View all",
  },
  tracker: {
    shopperTitle: "The showcase today",
    storesTakingPart: "Stores taking part",
    productsOnSale: "Products on sale",
    title: "Campaign progress",
    stores: "Stores live",
    products: "Products listed",
    countries: "Countries",
    progress: "{{value}} of {{target}}",
    shareOfGoal: "{{percent}}% of the campaign goal of {{target}}",
  },
  festival: {
    label: "Shopping festival",
    state: {
      upcoming: "Coming soon",
      warmup: "Warm-up",
      live: "Live now",
      encore: "Encore",
      ended: "Ended",
    },
    countdown: {
      saleStarts: "Sale starts in",
      saleEnds: "Sale ends in",
      encoreStarts: "Encore starts in",
      encoreEnds: "Encore ends in",
    },
    at: {
      saleStarts: "Sale starts",
      saleEnds: "Sale ends",
      encoreStarts: "Encore starts",
      encoreEnds: "Encore ends",
    },
    whenIn: "{{event}} ({{zone}})",
    encoreFollows: "Deal prices end with the sale; an encore follows until {{date}}.",
    orders: "Orders",
    units: "Items sold",
    gmv: "Sales",
    target: "Target {{value}}",
    yourTime: "Your time",
    deal: "Festival deal",
    dealsCount_one: "{{count}} festival deal",
    dealsCount_other: "{{count}} festival deals",
  },
  stores: {
    title: "African stores",
    listHeading: "Store list",
    description: "Meet the 100 featured stores of the Silk Road E-Commerce campaign, from cooperatives to family workshops.",
    count_one: "{{count}} store",
    count_other: "{{count}} stores",
  },
  store: {
    founded: "Since {{year}}",
    location: "{{city}}, {{country}}",
    story: "Our story",
    products: "Products from this store",
    productsCount_one: "{{count}} product",
    productsCount_other: "{{count}} products",
    visit: "Visit the store",
  },
  products: {
    title: "African products",
    description: "Coffee, tea, spices, shea, textiles, crafts and more, straight from 100 African stores.",
    count_one: "{{count}} product",
    count_other: "{{count}} products",
  },
  product: {
    price: "Price",
    dealPrice: "Festival price",
    regularPrice: "Regular price",
    save: "Save {{percent}}%",
    inStock: "In stock",
    lowStock_one: "Only {{count}} left",
    lowStock_other: "Only {{count}} left",
    outOfStock: "Sold out",
    origin: "Origin",
    category: "Category",
    soldBy: "Sold by",
    dealEndsIn: "Deal ends in",
    moreFromStore: "More from {{store}}",
    gallery: {
      label: "Photos ({{count}})",
      photo: "{{name}}, photo {{n}} of {{count}}",
      show: "Show photo {{n}} of {{count}}",
    },
    details: "Details",
    convertedNote: "Prices in {{currency}}, converted from {{base}} at the rate of {{date}}.",
  },
  content: {
    fallback: "Not yet translated: shown in English.",
  },
  pagination: {
    label: "Pagination",
    previous: "Previous",
    next: "Next",
    page: "Page {{page}} of {{pages}}",
  },
  crossSite: {
    title: "Request refused",
    text: "This form was sent from another site, so we did not act on it. Go back to the page on Silk Road Showcase and try again.",
  },
  notFound: {
    title: "Page not found",
    text: "We could not find this page. It may have moved, or the address may be mistyped.",
    back: "Back to the home page",
    searchTitle: "Search the showcase",
    suggestions: "Perhaps you were looking for",
    categories: "Popular categories",
    festival: "Shopping festival",
    products: "Just listed",
  },
  badRequest: {
    title: "This form could not be read",
    unreadable: "What was sent is not a form this page can read. Go back, fill the form in again and send it.",
    tooLarge: "What was sent is too large for this form. Shorten the text and send it again.",
    contentType: "This page only accepts a form sent by its own page. Go back and use the form.",
    repeated: "A field of this form was sent more than once. Go back and send the form again.",
    fieldName: "The form contained a field this page does not use. Go back and send the form again.",
    file: "This form does not take files. Go back and send the form without one.",
  },
  error: {
    title: "Something went wrong",
    text: "Please try again in a moment.",
  },
  countries: {
    title: "Country pavilions",
    intro: "The African countries whose stores sell on the showcase. Each pavilion gathers a country's stores and products.",
  },
  footer: {
    about:
      "Silk Road Showcase is the storefront of the Silk Road E-Commerce campaign: 100 African stores and 1,000 African products for shoppers in China and across Africa.",
    demo: "Demo showcase: payments run through a built-in demo provider, and no real money moves.",
    rights: "Made with the stores and makers of {{count}} African countries.",
    help: "Help",
    explore: "Explore",
    payments: "Payments",
    paymentsStripe: "We accept cards (Visa, Mastercard and others) through Stripe, and Alipay and WeChat Pay when you pay in yuan (CNY).",
    pages: {
      contact: "Contact us",
      shipping: "Shipping",
      returns: "Returns and refunds",
      privacy: "Privacy",
    },
  },
  // Feature namespaces, one folder each, so features can grow without touching this file.
  auth,
  catalog,
  checkout,
  festivals,
  programme,
};

export default en;
export type UiResource = typeof en;
