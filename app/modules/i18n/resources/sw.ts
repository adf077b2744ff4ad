import auth from "./auth/sw";
import catalog from "./catalog/sw";
import checkout from "./checkout/sw";
import festivals from "./festivals/sw";
import programme from "./programme/sw";

/**
 * Kiswahili UI strings. Same keys as en.ts; plural keys use the categories
 * Intl.PluralRules gives Swahili: `_one` and `_other`. Numbers follow the
 * noun ("maduka 100"), with noun-class agreement (duka/maduka, bidhaa).
 */
const sw = {
  site: {
    name: "Silk Road Showcase",
    tagline: "Maduka 100 ya Kiafrika · Bidhaa 1,000 za Kiafrika",
    description:
      "Nunua bidhaa bora kutoka maduka 100 teule ya Kiafrika, pamoja na matamasha ya ununuzi mtandaoni kwa wanunuzi nchini China na kote barani Afrika.",
  },
  nav: {
    skip: "Ruka hadi maudhui",
    home: "Mwanzo",
    stores: "Maduka",
    products: "Bidhaa",
    main: "Urambazaji mkuu",
    language: "Lugha",
    breadcrumb: "Njia ya urambazaji",
    festivals: "Matamasha",
    countries: "Nchi",
  },
  home: {
    title: "Maduka na bidhaa za Kiafrika kwa bei za tamasha",
    heroTitle: "Bora ya Afrika, moja kwa moja kutoka kwa wazalishaji wenyewe",
    heroText:
      "Kahawa kutoka nyanda za juu za Ethiopia, siagi ya shea kutoka Burkina Faso, vitambaa vya kente kutoka Ghana: maduka 100 ya Kiafrika yanauza bidhaa 1,000, kwa bei za tamasha kwa wanunuzi nchini China na kote barani Afrika.",
    ctaProducts: "Vinjari bidhaa",
    ctaStores: "Yafahamu maduka",
    categories: "Nunua kwa kategoria",
    featuredStores: "Maduka teule",
    pavilions: "Mabanda ya nchi",
    newProducts: "Zimeongezwa karibuni",
    viewAll: "Tazama zote",
  },
  tracker: {
    shopperTitle: "Maonyesho leo",
    storesTakingPart: "Maduka yanayoshiriki",
    productsOnSale: "Bidhaa zinazouzwa",
    title: "Maendeleo ya kampeni",
    stores: "Maduka yaliyo hewani",
    products: "Bidhaa zilizoorodheshwa",
    countries: "Nchi",
    progress: "{{value}} kati ya {{target}}",
    shareOfGoal: "{{percent}}% ya lengo la kampeni la {{target}}",
  },
  festival: {
    label: "Tamasha la ununuzi",
    state: {
      upcoming: "Inakuja hivi karibuni",
      warmup: "Maandalizi",
      live: "Inaendelea sasa",
      encore: "Awamu ya ziada",
      ended: "Imeisha",
    },
    countdown: {
      saleStarts: "Mauzo yanaanza baada ya",
      saleEnds: "Mauzo yanaisha baada ya",
      encoreStarts: "Awamu ya ziada inaanza baada ya",
      encoreEnds: "Awamu ya ziada inaisha baada ya",
    },
    at: {
      saleStarts: "Mauzo yanaanza",
      saleEnds: "Mauzo yanaisha",
      encoreStarts: "Awamu ya ziada inaanza",
      encoreEnds: "Awamu ya ziada inaisha",
    },
    whenIn: "{{event}} ({{zone}})",
    encoreFollows: "Bei za tamasha zinaisha pamoja na mauzo; awamu ya ziada inafuata hadi {{date}}.",
    orders: "Maagizo",
    units: "Bidhaa zilizouzwa",
    gmv: "Mauzo",
    target: "Lengo: {{value}}",
    yourTime: "Saa za eneo lako",
    deal: "Ofa ya tamasha",
    dealsCount_one: "Ofa {{count}} ya tamasha",
    dealsCount_other: "Ofa {{count}} za tamasha",
  },
  stores: {
    title: "Maduka ya Kiafrika",
    listHeading: "Orodha ya maduka",
    description:
      "Yafahamu maduka 100 teule ya kampeni ya Biashara Mtandaoni ya Njia ya Hariri, kuanzia vyama vya ushirika hadi karakana za kifamilia.",
    count_one: "Duka {{count}}",
    count_other: "Maduka {{count}}",
  },
  store: {
    founded: "Tangu {{year}}",
    location: "{{city}}, {{country}}",
    story: "Hadithi yetu",
    products: "Bidhaa za duka hili",
    productsCount_one: "Bidhaa {{count}}",
    productsCount_other: "Bidhaa {{count}}",
    visit: "Tembelea duka",
  },
  products: {
    title: "Bidhaa za Kiafrika",
    description:
      "Kahawa, chai, viungo, shea, nguo, kazi za mikono na mengineyo, moja kwa moja kutoka maduka 100 ya Kiafrika.",
    count_one: "Bidhaa {{count}}",
    count_other: "Bidhaa {{count}}",
  },
  product: {
    price: "Bei",
    dealPrice: "Bei ya tamasha",
    regularPrice: "Bei ya kawaida",
    save: "Okoa {{percent}}%",
    inStock: "Inapatikana",
    lowStock_one: "Imebaki {{count}} tu",
    lowStock_other: "Zimebaki {{count}} tu",
    outOfStock: "Zimeisha",
    origin: "Asili",
    category: "Kategoria",
    soldBy: "Inauzwa na",
    dealEndsIn: "Ofa inaisha baada ya",
    moreFromStore: "Zaidi kutoka {{store}}",
    gallery: {
      label: "Picha ({{count}})",
      photo: "{{name}}, picha ya {{n}} kati ya {{count}}",
      show: "Onyesha picha ya {{n}} kati ya {{count}}",
    },
    details: "Maelezo",
    convertedNote:
      "Bei ziko katika {{currency}}, zimebadilishwa kutoka {{base}} kwa kiwango cha ubadilishaji cha {{date}}.",
  },
  content: {
    fallback: "Bado haijatafsiriwa: inaonyeshwa kwa Kiingereza.",
  },
  pagination: {
    label: "Kurasa",
    previous: "Iliyotangulia",
    next: "Inayofuata",
    page: "Ukurasa {{page}} kati ya {{pages}}",
  },
  crossSite: {
    title: "Ombi limekataliwa",
    text: "Fomu hii ilitumwa kutoka tovuti nyingine, kwa hiyo hatukuishughulikia. Rudi kwenye ukurasa wa Silk Road Showcase ujaribu tena.",
  },
  notFound: {
    title: "Ukurasa haupatikani",
    text: "Hatukuweza kupata ukurasa huu. Huenda umehamishwa, au anwani imeandikwa vibaya.",
    back: "Rudi kwenye ukurasa wa mwanzo",
    searchTitle: "Tafuta kwenye maonyesho",
    suggestions: "Labda ulikuwa unatafuta",
    categories: "Aina maarufu",
    festival: "Tamasha la ununuzi",
    products: "Mpya sokoni",
  },
  badRequest: {
    title: "Fomu hii haikuweza kusomwa",
    unreadable: "Kilichotumwa si fomu ambayo ukurasa huu unaweza kusoma. Rudi nyuma, jaza fomu tena kisha uitume.",
    tooLarge: "Kilichotumwa ni kikubwa mno kwa fomu hii. Fupisha maandishi kisha uitume tena.",
    contentType: "Ukurasa huu unapokea tu fomu iliyotumwa kutoka ukurasa wake wenyewe. Rudi nyuma na utumie fomu.",
    repeated: "Sehemu moja ya fomu hii ilitumwa zaidi ya mara moja. Rudi nyuma na utume fomu tena.",
    fieldName: "Fomu ilikuwa na sehemu ambayo ukurasa huu hauitumii. Rudi nyuma na utume fomu tena.",
    file: "Fomu hii haipokei faili. Rudi nyuma na utume fomu bila faili.",
  },
  error: {
    title: "Hitilafu imetokea",
    text: "Tafadhali jaribu tena baada ya muda mfupi.",
  },
  countries: {
    title: "Mabanda ya nchi",
    intro: "Nchi za Afrika ambazo maduka yake yanauza kwenye maonyesho. Kila banda linakusanya maduka na bidhaa za nchi moja.",
  },
  footer: {
    about:
      "Silk Road Showcase ni duka la mtandaoni la kampeni ya Biashara Mtandaoni ya Njia ya Hariri: maduka 100 ya Kiafrika na bidhaa 1,000 za Kiafrika kwa wanunuzi nchini China na kote barani Afrika.",
    demo: "Toleo la majaribio: malipo yanapitia mtoa huduma wa majaribio aliyejengewa ndani, na hakuna pesa halisi zinazohamishwa.",
    rights: "Imetengenezwa pamoja na maduka na wazalishaji kutoka nchi {{count}} za Afrika.",
    help: "Msaada",
    explore: "Gundua",
    payments: "Malipo",
    paymentsStripe: "Tunapokea kadi (Visa, Mastercard na nyinginezo) kupitia Stripe, na Alipay na WeChat Pay unapolipa kwa yuan (CNY).",
    pages: {
      contact: "Wasiliana nasi",
      shipping: "Usafirishaji",
      returns: "Kurudisha na kurejeshewa pesa",
      privacy: "Faragha",
    },
  },
  // Feature namespaces, one folder each, so features can grow without touching this file.
  auth,
  catalog,
  checkout,
  festivals,
  programme,
};

export default sw;
