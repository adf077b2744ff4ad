import auth from "./auth/fr";
import catalog from "./catalog/fr";
import checkout from "./checkout/fr";
import festivals from "./festivals/fr";
import programme from "./programme/fr";

/**
 * French UI strings. Same keys as en.ts; plural keys use the categories
 * Intl.PluralRules gives French: `_one` (0 and 1), `_many` (millions:
 * « 1 000 000 de produits ») and `_other`. \u00a0 is a non-breaking space
 * (before « : » and « % », and as the thousands separator).
 */
const fr = {
  site: {
    name: "Silk Road Showcase",
    tagline: "100 boutiques africaines · 1\u00a0000 produits africains",
    description:
      "Achetez des produits de qualité auprès de 100 boutiques africaines sélectionnées, avec des festivals du shopping en ligne pour les acheteurs en Chine et partout en Afrique.",
  },
  nav: {
    skip: "Aller au contenu",
    home: "Accueil",
    stores: "Boutiques",
    products: "Produits",
    main: "Navigation principale",
    language: "Langue",
    breadcrumb: "Fil d’Ariane",
    festivals: "Festivals",
    countries: "Pays",
  },
  home: {
    title: "Boutiques et produits africains à prix festival",
    heroTitle: "Le meilleur de l’Afrique, en direct de ceux qui le font",
    heroText:
      "Café des hauts plateaux éthiopiens, beurre de karité du Burkina Faso, kente du Ghana\u00a0: 100 boutiques africaines proposent 1\u00a0000 produits, à prix festival pour les acheteurs en Chine et partout en Afrique.",
    ctaProducts: "Parcourir les produits",
    ctaStores: "Découvrir les boutiques",
    categories: "Acheter par catégorie",
    featuredStores: "Boutiques à la une",
    pavilions: "Pavillons nationaux",
    newProducts: "Nouveautés",
    viewAll: "Tout voir",
  },
  tracker: {
    shopperTitle: "La vitrine aujourd'hui",
    storesTakingPart: "Boutiques participantes",
    productsOnSale: "Produits en vente",
    title: "Avancement de la campagne",
    stores: "Boutiques en ligne",
    products: "Produits mis en vente",
    countries: "Pays",
    progress: "{{value}} sur {{target}}",
    shareOfGoal: "{{percent}} % de l’objectif de la campagne ({{target}})",
  },
  festival: {
    label: "Festival du shopping",
    state: {
      upcoming: "Bientôt",
      warmup: "Avant-première",
      live: "En cours",
      encore: "Prolongations",
      ended: "Terminé",
    },
    countdown: {
      saleStarts: "Les soldes commencent dans",
      saleEnds: "Les soldes se terminent dans",
      encoreStarts: "Les prolongations commencent dans",
      encoreEnds: "Les prolongations se terminent dans",
    },
    at: {
      saleStarts: "Début des soldes",
      saleEnds: "Fin des soldes",
      encoreStarts: "Début des prolongations",
      encoreEnds: "Fin des prolongations",
    },
    whenIn: "{{event}} ({{zone}})",
    encoreFollows: "Les prix du festival s’arrêtent avec les soldes ; des prolongations suivent jusqu’au {{date}}.",
    orders: "Commandes",
    units: "Articles vendus",
    gmv: "Ventes",
    target: "Objectif\u00a0: {{value}}",
    yourTime: "Votre heure locale",
    deal: "Offre festival",
    dealsCount_one: "{{count}} offre festival",
    dealsCount_many: "{{count}} d’offres festival",
    dealsCount_other: "{{count}} offres festival",
  },
  stores: {
    title: "Boutiques africaines",
    listHeading: "Liste des boutiques",
    description:
      "Découvrez les 100 boutiques sélectionnées de la campagne E-commerce de la Route de la soie, des coopératives aux ateliers familiaux.",
    count_one: "{{count}} boutique",
    count_many: "{{count}} de boutiques",
    count_other: "{{count}} boutiques",
  },
  store: {
    founded: "Depuis {{year}}",
    location: "{{city}}, {{country}}",
    story: "Notre histoire",
    products: "Les produits de cette boutique",
    productsCount_one: "{{count}} produit",
    productsCount_many: "{{count}} de produits",
    productsCount_other: "{{count}} produits",
    visit: "Visiter la boutique",
  },
  products: {
    title: "Produits africains",
    description:
      "Café, thé, épices, karité, textiles, artisanat et bien plus encore, en direct de 100 boutiques africaines.",
    count_one: "{{count}} produit",
    count_many: "{{count}} de produits",
    count_other: "{{count}} produits",
  },
  product: {
    price: "Prix",
    dealPrice: "Prix festival",
    regularPrice: "Prix habituel",
    save: "Économisez {{percent}}\u00a0%",
    inStock: "En stock",
    lowStock_one: "Plus que {{count}} en stock",
    lowStock_many: "Plus que {{count}} en stock",
    lowStock_other: "Plus que {{count}} en stock",
    outOfStock: "Épuisé",
    origin: "Origine",
    category: "Catégorie",
    soldBy: "Vendu par",
    dealEndsIn: "L’offre se termine dans",
    moreFromStore: "Autres produits chez {{store}}",
    gallery: {
      label: "Photos ({{count}})",
      photo: "{{name}}, photo {{n}} sur {{count}}",
      show: "Voir la photo {{n}} sur {{count}}",
    },
    details: "Détails",
    convertedNote: "Prix en {{currency}}, convertis depuis {{base}} au taux du {{date}}.",
  },
  content: {
    fallback: "Pas encore traduit\u00a0: affiché en anglais.",
  },
  pagination: {
    label: "Pagination",
    previous: "Précédent",
    next: "Suivant",
    page: "Page {{page}} sur {{pages}}",
  },
  crossSite: {
    title: "Requête refusée",
    text: "Ce formulaire a été envoyé depuis un autre site : nous ne l’avons pas traité. Revenez à la page de Silk Road Showcase et réessayez.",
  },
  notFound: {
    title: "Page introuvable",
    text: "Nous n’avons pas trouvé cette page. Elle a peut-être été déplacée, ou l’adresse comporte une faute de frappe.",
    back: "Retour à l’accueil",
    searchTitle: "Chercher dans la vitrine",
    suggestions: "Vous cherchiez peut-être",
    categories: "Catégories populaires",
    festival: "Festival d’achat",
    products: "Nouveautés",
  },
  badRequest: {
    title: "Ce formulaire n’a pas pu être lu",
    unreadable: "Ce qui a été envoyé n’est pas un formulaire que cette page sait lire. Revenez en arrière, remplissez à nouveau le formulaire et envoyez-le.",
    tooLarge: "Ce qui a été envoyé est trop volumineux pour ce formulaire. Raccourcissez le texte et envoyez-le à nouveau.",
    contentType: "Cette page n’accepte que le formulaire envoyé depuis sa propre page. Revenez en arrière et utilisez le formulaire.",
    repeated: "Un champ de ce formulaire a été envoyé plusieurs fois. Revenez en arrière et envoyez à nouveau le formulaire.",
    fieldName: "Le formulaire contenait un champ que cette page n’utilise pas. Revenez en arrière et envoyez à nouveau le formulaire.",
    file: "Ce formulaire n’accepte pas de fichiers. Revenez en arrière et envoyez le formulaire sans fichier.",
  },
  error: {
    title: "Une erreur s’est produite",
    text: "Veuillez réessayer dans un instant.",
  },
  countries: {
    title: "Pavillons des pays",
    intro: "Les pays africains dont les boutiques vendent sur la vitrine. Chaque pavillon réunit les boutiques et les produits d’un pays.",
  },
  footer: {
    about:
      "Silk Road Showcase est la vitrine de la campagne E-commerce de la Route de la soie\u00a0: 100 boutiques africaines et 1\u00a0000 produits africains pour les acheteurs en Chine et partout en Afrique.",
    demo: "Vitrine de démonstration\u00a0: les paiements passent par un prestataire de démonstration intégré, et aucune somme réelle n’est débitée.",
    rights: "Réalisé avec les boutiques et les artisans de {{count}} pays africains.",
    help: "Aide",
    explore: "Découvrir",
    payments: "Paiement",
    paymentsStripe: "Nous acceptons les cartes (Visa, Mastercard et autres) via Stripe, ainsi qu’Alipay et WeChat Pay pour un paiement en yuans (CNY).",
    pages: {
      contact: "Nous contacter",
      shipping: "Livraison",
      returns: "Retours et remboursements",
      privacy: "Confidentialité",
    },
  },
  // Feature namespaces, one folder each, so features can grow without touching this file.
  auth,
  catalog,
  checkout,
  festivals,
  programme,
};

export default fr;
