/** Português: feeds de produtos para outras plataformas e pedidos por origem (chaves em "feeds."). */
export default {
  channelDescription: "Produtos de qualidade de lojas africanas, na Vitrine da Rota da Seda.",
  title: "Feeds de produtos",
  link: "Feeds de produtos",
  intro:
    "Feeds para outras plataformas, um por idioma e moeda. Dê a uma plataforma o endereço de um feed: ele lista apenas produtos publicados, aos preços que os compradores veem agora (preços do festival enquanto uma oferta está ativa), e cada link nele nos diz de que plataforma veio o comprador.",
  currency: "Moeda",
  show: "Mostrar",
  language: "Idioma",
  feed: "Feed",
  address: "Endereço",
  kinds: {
    google: "Google Merchant Center (XML)",
    meta: "Catálogo da Meta (CSV)",
    csv: "Exportação para marketplaces (CSV)",
    json: "Exportação para marketplaces (JSON)",
  },
  copy: "Copiar",
  copied: "Copiado",
  open: "Abrir",
  urlLabel: "{{feed}}, {{language}}",
  ownerOptOut: "Manter este produto fora dos feeds de produtos",
  ownerOptOutHint: "Os feeds de produtos mostram os seus produtos publicados nas abas de compras dos motores de busca, nos catálogos das redes sociais e nos marketplaces.",
  sources: {
    title: "Pedidos por origem",
    caption: "Pedidos pagos pelo link de onde o comprador veio (utm_source); a receita conta os produtos, não o envio.",
    source: "Origem",
    orders: "Pedidos",
    revenue: "Receita",
    direct: "Direto ou desconhecido",
    none: "Ainda não há pedidos pagos.",
  },
};
