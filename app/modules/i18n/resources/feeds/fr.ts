/** Français : flux produits pour d’autres plateformes, et commandes par source (clés sous « feeds. »). */
export default {
  channelDescription: "Des produits de qualité de boutiques africaines, sur la Vitrine de la Route de la soie.",
  title: "Flux produits",
  link: "Flux produits",
  intro:
    "Des flux pour d’autres plateformes, un par langue et par devise. Donnez à une plateforme l’adresse d’un flux : il ne liste que les produits en ligne, aux prix que voient les acheteurs en ce moment (prix du festival tant qu’une offre est en cours), et chaque lien nous dit de quelle plateforme vient l’acheteur.",
  currency: "Devise",
  show: "Afficher",
  language: "Langue",
  feed: "Flux",
  address: "Adresse",
  kinds: {
    google: "Google Merchant Center (XML)",
    meta: "Catalogue Meta (CSV)",
    csv: "Export pour places de marché (CSV)",
    json: "Export pour places de marché (JSON)",
  },
  copy: "Copier",
  copied: "Copié",
  open: "Ouvrir",
  urlLabel: "{{feed}}, {{language}}",
  ownerOptOut: "Ne pas inclure ce produit dans les flux produits",
  ownerOptOutHint: "Les flux produits montrent vos produits en ligne dans les onglets Shopping des moteurs de recherche, les catalogues des réseaux sociaux et les places de marché.",
  sources: {
    title: "Commandes par source",
    caption: "Commandes payées selon le lien d’arrivée de l’acheteur (utm_source) ; le chiffre d’affaires compte les produits, pas la livraison.",
    source: "Source",
    orders: "Commandes",
    revenue: "Chiffre d’affaires",
    direct: "Direct ou inconnu",
    none: "Aucune commande payée pour l’instant.",
  },
};
