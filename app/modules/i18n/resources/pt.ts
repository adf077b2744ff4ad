import auth from "./auth/pt";
import catalog from "./catalog/pt";
import checkout from "./checkout/pt";
import festivals from "./festivals/pt";
import programme from "./programme/pt";

/**
 * Portuguese UI strings, written to read naturally in Brazil, Angola,
 * Mozambique and Portugal alike (no "você"/"tu", no regional-only words).
 * Same keys as en.ts; plural keys use the categories Intl.PluralRules gives
 * Portuguese: `_one`, `_many` (millions: "1 000 000 de produtos") and `_other`.
 */
const pt = {
  site: {
    name: "Silk Road Showcase",
    tagline: "100 lojas africanas · 1000 produtos africanos",
    description:
      "Compre produtos de qualidade de 100 lojas africanas em destaque, com festivais de compras online para clientes na China e em toda a África.",
  },
  nav: {
    skip: "Ir para o conteúdo",
    home: "Início",
    stores: "Lojas",
    products: "Produtos",
    main: "Navegação principal",
    language: "Idioma",
    breadcrumb: "Caminho de navegação",
    festivals: "Festivais",
    countries: "Países",
  },
  home: {
    title: "Lojas e produtos africanos a preços de festival",
    heroTitle: "O melhor do continente africano, pelas mãos de quem o faz",
    heroText:
      "Café das terras altas etíopes, manteiga de karité burquinense, tecido kente ganês: 100 lojas africanas com 1000 produtos, a preços de festival para clientes na China e em toda a África.",
    ctaProducts: "Explorar produtos",
    ctaStores: "Conhecer as lojas",
    categories: "Comprar por categoria",
    featuredStores: "Lojas em destaque",
    pavilions: "Pavilhões por país",
    newProducts: "Novidades",
    viewAll: "Ver tudo",
  },
  tracker: {
    shopperTitle: "A montra hoje",
    storesTakingPart: "Lojas participantes",
    productsOnSale: "Produtos à venda",
    title: "Progresso da campanha",
    stores: "Lojas abertas",
    products: "Produtos à venda",
    countries: "Países",
    progress: "{{value}} de {{target}}",
    shareOfGoal: "{{percent}}% da meta da campanha de {{target}}",
  },
  festival: {
    label: "Festival de compras",
    state: {
      upcoming: "Em breve",
      warmup: "Aquecimento",
      live: "Em curso",
      encore: "Última oportunidade",
      ended: "Encerrado",
    },
    countdown: {
      saleStarts: "A promoção começa em",
      saleEnds: "A promoção termina em",
      encoreStarts: "A última oportunidade começa em",
      encoreEnds: "A última oportunidade termina em",
    },
    at: {
      saleStarts: "Início da promoção",
      saleEnds: "Fim da promoção",
      encoreStarts: "Início da última oportunidade",
      encoreEnds: "Fim da última oportunidade",
    },
    whenIn: "{{event}} ({{zone}})",
    encoreFollows: "Os preços do festival terminam com a promoção; segue-se uma última oportunidade até {{date}}.",
    orders: "Pedidos",
    units: "Unidades vendidas",
    gmv: "Vendas",
    target: "Meta: {{value}}",
    yourTime: "A sua hora local",
    deal: "Oferta do festival",
    dealsCount_one: "{{count}} oferta do festival",
    dealsCount_many: "{{count}} de ofertas do festival",
    dealsCount_other: "{{count}} ofertas do festival",
  },
  stores: {
    title: "Lojas africanas",
    listHeading: "Lista de lojas",
    description:
      "Conheça as 100 lojas em destaque da campanha E-Commerce da Rota da Seda, de cooperativas a oficinas familiares.",
    count_one: "{{count}} loja",
    count_many: "{{count}} de lojas",
    count_other: "{{count}} lojas",
  },
  store: {
    founded: "Desde {{year}}",
    location: "{{city}}, {{country}}",
    story: "A nossa história",
    products: "Produtos desta loja",
    productsCount_one: "{{count}} produto",
    productsCount_many: "{{count}} de produtos",
    productsCount_other: "{{count}} produtos",
    visit: "Visitar a loja",
  },
  products: {
    title: "Produtos africanos",
    description:
      "Café, chá, especiarias, karité, tecidos, artesanato e muito mais, vindos de 100 lojas africanas.",
    count_one: "{{count}} produto",
    count_many: "{{count}} de produtos",
    count_other: "{{count}} produtos",
  },
  product: {
    price: "Preço",
    dealPrice: "Preço de festival",
    regularPrice: "Preço normal",
    save: "Desconto de {{percent}}%",
    inStock: "Disponível",
    lowStock_one: "Resta apenas {{count}}",
    lowStock_many: "Restam apenas {{count}}",
    lowStock_other: "Restam apenas {{count}}",
    outOfStock: "Esgotado",
    origin: "Origem",
    category: "Categoria",
    soldBy: "Vendido por",
    dealEndsIn: "A oferta termina em",
    moreFromStore: "Mais produtos de {{store}}",
    gallery: {
      label: "Fotografias ({{count}})",
      photo: "{{name}}, fotografia {{n}} de {{count}}",
      show: "Ver a fotografia {{n}} de {{count}}",
    },
    details: "Detalhes",
    convertedNote: "Preços em {{currency}}, convertidos de {{base}} à taxa de câmbio de {{date}}.",
  },
  content: {
    fallback: "Ainda sem tradução: apresentado em inglês.",
  },
  pagination: {
    label: "Paginação",
    previous: "Anterior",
    next: "Seguinte",
    page: "Página {{page}} de {{pages}}",
  },
  crossSite: {
    title: "Pedido recusado",
    text: "Este formulário foi enviado a partir de outro site, por isso não o processámos. Volte à página na Silk Road Showcase e tente novamente.",
  },
  notFound: {
    title: "Página não encontrada",
    text: "Não foi possível encontrar esta página. Pode ter sido movida, ou o endereço pode ter sido mal escrito.",
    back: "Voltar à página inicial",
    searchTitle: "Pesquisar na montra",
    suggestions: "Talvez procurasse",
    categories: "Categorias populares",
    festival: "Festival de compras",
    products: "Acabados de chegar",
  },
  badRequest: {
    title: "Não foi possível ler este formulário",
    unreadable: "O que foi enviado não é um formulário que esta página consiga ler. Volte, preencha o formulário de novo e envie-o.",
    tooLarge: "O que foi enviado é grande demais para este formulário. Encurte o texto e envie-o de novo.",
    contentType: "Esta página só aceita o formulário enviado a partir da sua própria página. Volte e use o formulário.",
    repeated: "Um campo deste formulário foi enviado mais de uma vez. Volte e envie o formulário de novo.",
    fieldName: "O formulário continha um campo que esta página não usa. Volte e envie o formulário de novo.",
    file: "Este formulário não aceita ficheiros. Volte e envie o formulário sem ficheiro.",
  },
  error: {
    title: "Ocorreu um erro",
    text: "Tente novamente daqui a pouco.",
  },
  countries: {
    title: "Pavilhões dos países",
    intro: "Os países africanos cujas lojas vendem na montra. Cada pavilhão reúne as lojas e os produtos de um país.",
  },
  footer: {
    about:
      "O Silk Road Showcase é a loja online da campanha E-Commerce da Rota da Seda: 100 lojas africanas e 1000 produtos africanos para clientes na China e em toda a África.",
    demo: "Versão de demonstração: os pagamentos são processados por um serviço de demonstração integrado, sem movimentação de dinheiro real.",
    rights: "Feito em conjunto com as lojas e os produtores de {{count}} países africanos.",
    help: "Ajuda",
    explore: "Explorar",
    payments: "Pagamentos",
    paymentsStripe: "Aceitamos cartões (Visa, Mastercard e outros) através da Stripe, e Alipay e WeChat Pay quando paga em yuan (CNY).",
    pages: {
      contact: "Contacte-nos",
      shipping: "Envio",
      returns: "Devoluções e reembolsos",
      privacy: "Privacidade",
    },
  },
  // Feature namespaces, one folder each, so features can grow without touching this file.
  auth,
  catalog,
  checkout,
  festivals,
  programme,
};

export default pt;
