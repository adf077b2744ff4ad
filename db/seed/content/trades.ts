import type { ArtKind } from "~/modules/art/art";
import type { CategorySlug, L10n } from "./types";

/**
 * A store's trade is its first category; a trade may also sell these related
 * categories (a tea house its spices, a weaver cushion covers), and nothing else,
 * so a coffee cooperative never lists hair butter or brass bangles.
 */
export const TRADE_CATEGORIES: Record<CategorySlug, readonly CategorySlug[]> = {
  coffee: ["coffee"],
  tea: ["tea", "spices"],
  spices: ["spices", "foods", "tea", "coffee"],
  foods: ["foods", "spices", "skincare"],
  skincare: ["skincare", "beauty"],
  beauty: ["beauty", "skincare"],
  textiles: ["textiles", "home", "art"],
  crafts: ["crafts", "home", "art"],
  home: ["home", "crafts", "textiles"],
  art: ["art", "crafts", "textiles", "home"],
  jewellery: ["jewellery", "crafts", "leather"],
  leather: ["leather", "crafts", "home"],
};

/**
 * What each product type's illustration may show (app/modules/art): the seed gives a product
 * the first kind, and a product type missing here is not seeded (no drawing shows it).
 */
export const PRODUCT_ART: Record<string, readonly ArtKind[]> = {
  "coffee-washed-highland-arabica": ["coffee-pot", "coffee-cup"],
  "coffee-aa-grade-arabica": ["coffee-cup"],
  "coffee-red-bourbon": ["coffee-cup"],
  "coffee-robusta-beans": ["coffee-cup"],
  "coffee-peaberry-arabica": ["coffee-cup"],
  "coffee-ground-medium-roast": ["coffee-pot", "coffee-cup"],
  "coffee-espresso-blend": ["coffee-cup"],
  "coffee-green-beans": ["coffee-pot"],
  "coffee-drip-bags": ["coffee-cup"],
  "coffee-tasting-trio": ["coffee-cup"],
  "tea-black-ctc": ["tea-sprig"],
  "tea-rooibos-loose-leaf": ["teapot"],
  "tea-gunpowder-mint": ["teapot"],
  "tea-dried-hibiscus": ["teapot"],
  "tea-vanilla-black": ["tea-sprig"],
  "tea-lemongrass-herbal": ["teapot"],
  "tea-moringa-leaf": ["tea-sprig"],
  "tea-spiced-chai-blend": ["teapot"],
  "tea-highland-green": ["tea-sprig"],
  "tea-discovery-box": ["tea-sprig"],
  "spices-zanzibar-cloves": ["spice-bowl"],
  "spices-madagascar-vanilla": ["spice-bowl"],
  "spices-berbere-blend": ["spice-bowl"],
  "spices-ras-el-hanout": ["spice-bowl"],
  "spices-suya-yaji": ["spice-bowl"],
  "spices-birds-eye-chilli": ["spice-bowl"],
  "spices-ground-ginger": ["spice-bowl"],
  "spices-ground-turmeric": ["spice-bowl"],
  "spices-smoky-grill-rub": ["spice-bowl"],
  "spices-market-gift-box": ["spice-bowl"],
  "skincare-raw-shea-butter": ["butter-jar"],
  "skincare-argan-oil": ["cosmetic-bottle"],
  "skincare-marula-oil": ["cosmetic-bottle"],
  "skincare-african-black-soap": ["soap-bars"],
  "skincare-virgin-coconut-oil": ["butter-jar"],
  "skincare-baobab-seed-oil": ["cosmetic-bottle"],
  "skincare-moringa-shea-balm": ["butter-jar"],
  "skincare-whipped-shea-body-butter": ["butter-jar"],
  "skincare-aloe-vera-gel": ["cosmetic-bottle"],
  "skincare-shea-beeswax-lip-balm": ["butter-jar"],
  "textiles-kente-stole": ["cloth-hanging", "cloth-stack"],
  "textiles-bogolan-mud-cloth": ["cloth-hanging", "cloth-stack"],
  "textiles-adire-indigo-cloth": ["cloth-stack", "cloth-hanging"],
  "textiles-kikoy-beach-wrap": ["cloth-stack"],
  "textiles-egyptian-cotton-towel-set": ["cloth-stack"],
  "textiles-wax-print-fabric": ["cloth-stack"],
  "textiles-handwoven-cotton-scarf": ["cloth-stack"],
  "textiles-tie-dye-head-wrap": ["cloth-stack"],
  "textiles-wax-print-cushion-covers": ["cloth-stack"],
  "textiles-handwoven-cotton-throw": ["cloth-hanging", "cloth-stack"],
  "crafts-bolga-basket": ["basket"],
  "crafts-hand-painted-ceramic-bowl": ["serving-bowl"],
  "crafts-zulu-telephone-wire-bowl": ["serving-bowl"],
  "crafts-carved-wooden-salad-bowl": ["serving-bowl"],
  "crafts-carved-wooden-wall-mask": ["mask"],
  "crafts-coiled-lidded-basket": ["basket"],
  "crafts-terracotta-vase": ["clay-pot"],
  "art-tingatinga-painting": ["landscape-painting"],
  "art-shona-stone-sculpture": ["sculpture"],
  "art-makonde-ebony-carving": ["sculpture"],
  "art-ethiopian-icon-painting": ["abstract-painting"],
  "art-benin-bronze-head": ["sculpture"],
  "art-batik-on-cotton": ["landscape-painting", "abstract-painting"],
  "art-linocut-print": ["abstract-painting"],
  "art-acrylic-canvas-painting": ["landscape-painting", "abstract-painting"],
  "art-carved-wooden-figure": ["sculpture"],
  "art-recycled-metal-sculpture": ["sculpture"],
  "jewellery-tuareg-silver-cross": ["bead-strand"],
  "jewellery-maasai-bead-collar": ["bead-collar"],
  "jewellery-krobo-glass-bead-necklace": ["bead-strand"],
  "jewellery-zulu-beadwork-bracelet": ["bead-strand"],
  "jewellery-brass-bangle-set": ["bangles"],
  "jewellery-cowrie-anklet": ["bead-strand"],
  "jewellery-hammered-copper-cuff": ["bangles"],
  "jewellery-paper-bead-necklace": ["bead-strand"],
  "foods-dark-chocolate": ["cocoa-pods"],
  "foods-roasted-cashews": ["nut-bowl"],
  "foods-baobab-powder": ["powder-pale"],
  "foods-extra-virgin-olive-oil": ["oil-bottle"],
  "foods-soft-dates": ["date-bowl"],
  "foods-wildflower-honey": ["honey-jar"],
  "foods-peanut-butter": ["nut-butter-jar"],
  "foods-moringa-powder": ["powder-green"],
  "foods-mango-passion-jam": ["jam-jar"],
  "foods-chilli-sauce": ["sauce-bottle"],
  "beauty-ghassoul-clay": ["powder-earth"],
  "beauty-henna-powder": ["powder-green"],
  "beauty-rose-water": ["cosmetic-bottle"],
  "beauty-chebe-powder": ["powder-earth"],
  "beauty-baobab-hair-oil": ["cosmetic-bottle"],
  "beauty-hibiscus-lip-tint": ["butter-jar"],
  "beauty-lemongrass-essential-oil": ["cosmetic-bottle"],
  "beauty-shea-hair-butter": ["butter-jar"],
  "beauty-coffee-body-scrub": ["butter-jar"],
  "leather-babouche-slippers": ["slippers"],
  "leather-embroidered-pouf": ["pouf"],
  "leather-tuareg-shoulder-bag": ["satchel"],
  "leather-kano-goatskin-satchel": ["satchel"],
  "leather-bifold-wallet": ["wallet"],
  "leather-full-grain-belt": ["belt"],
  "leather-bound-journal": ["journal"],
  "leather-tote-bag": ["tote"],
  "home-okavango-basket": ["basket"],
  "home-ethiopian-mesob": ["basket"],
  "home-clay-cooking-pot": ["clay-pot"],
  "home-hand-dyed-cushion-cover": ["cloth-stack"],
  "home-recycled-glass-tumblers": ["tumblers"],
  "home-lidded-storage-basket": ["basket"],
};

/**
 * A second listing of a product a store already sells: consumables as a pack of three,
 * made goods gift-wrapped. Stores whose trade has few product types fill their ten
 * listings with these rather than with goods outside their trade.
 */
export interface VariantContent {
  /** Appended to the product's slug: "-pack", "-gift". */
  slug: string;
  name: L10n; // "{name}" is the product's name
  description: L10n; // appended to the product's description
  /** Price of the variant from the single item's price, in US cents. */
  price: (cents: number) => number;
}

const PACK: VariantContent = {
  slug: "pack",
  name: {
    en: "{name} — pack of 3",
    zh: "{name}（3件装）",
    fr: "{name} — lot de 3",
    ar: "{name} — عبوة من 3 قطع",
    pt: "{name} — pack de 3",
    sw: "{name} — pakiti ya 3",
  },
  description: {
    en: "Three of them in one parcel, at a lower price for each.",
    zh: "三件合为一个包裹寄出，每件更实惠。",
    fr: "Trois exemplaires dans un même colis, à un prix plus doux pour chacun.",
    ar: "ثلاث قطع في طرد واحد، بسعر أقل لكل قطعة.",
    pt: "Três unidades numa só encomenda, a um preço mais baixo por unidade.",
    sw: "Vipande vitatu katika kifurushi kimoja, kwa bei nafuu zaidi kwa kila kimoja.",
  },
  price: (cents) => Math.round(cents * 2.7),
};

const GIFT: VariantContent = {
  slug: "gift",
  name: {
    en: "{name}, gift-wrapped",
    zh: "{name}（礼品包装）",
    fr: "{name}, en paquet cadeau",
    ar: "{name}، مغلّف للإهداء",
    pt: "{name}, embrulhado para oferta",
    sw: "{name}, kimefungwa kama zawadi",
  },
  description: {
    en: "Comes wrapped in wax-print cloth, with a handwritten card from the maker.",
    zh: "以蜡染花布包裹，附制作者亲笔写的卡片。",
    fr: "Livré emballé dans un tissu wax, avec une carte écrite à la main par l'artisan.",
    ar: "يصل ملفوفًا بقماش مطبوع بالشمع، مع بطاقة بخط يد الصانع.",
    pt: "Chega embrulhado em tecido de capulana estampada, com um cartão escrito à mão por quem o fez.",
    sw: "Huja kimefungwa kwa kitambaa cha kitenge, pamoja na kadi iliyoandikwa kwa mkono na fundi.",
  },
  price: (cents) => cents + 600,
};

export const VARIANTS: Record<CategorySlug, VariantContent> = {
  coffee: PACK,
  tea: PACK,
  spices: PACK,
  foods: PACK,
  skincare: PACK,
  beauty: PACK,
  textiles: GIFT,
  crafts: GIFT,
  home: GIFT,
  art: GIFT,
  jewellery: GIFT,
  leather: GIFT,
};
