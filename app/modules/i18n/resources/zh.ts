import auth from "./auth/zh";
import catalog from "./catalog/zh";
import checkout from "./checkout/zh";
import festivals from "./festivals/zh";
import programme from "./programme/zh";

/**
 * Simplified Chinese UI strings. Same keys as en.ts; plural keys use only
 * `_other`, the single category Intl.PluralRules gives Chinese.
 */
const zh = {
  site: {
    name: "丝路电商精品馆",
    tagline: "100家非洲店铺 · 1000款非洲好物",
    description:
      "汇聚100家精选非洲店铺的优质好物，更有面向中国及非洲各地消费者的网购节。",
  },
  nav: {
    skip: "跳到主要内容",
    home: "首页",
    stores: "店铺",
    products: "商品",
    main: "主导航",
    language: "语言",
    breadcrumb: "面包屑导航",
    festivals: "网购节",
    countries: "国家馆",
  },
  home: {
    title: "非洲好店好物，尽享网购节优惠价",
    heroTitle: "非洲好物，匠心直供",
    heroText:
      "埃塞俄比亚高原的咖啡、布基纳法索的乳木果油、加纳的肯特布……100家非洲店铺、1000款好物，为中国及非洲各地消费者献上网购节优惠价。",
    ctaProducts: "浏览商品",
    ctaStores: "走进店铺",
    categories: "按品类选购",
    featuredStores: "精选店铺",
    pavilions: "国家馆",
    newProducts: "新品上架",
    viewAll: "查看全部",
  },
  tracker: {
    shopperTitle: "展会一览",
    storesTakingPart: "参展店铺",
    productsOnSale: "在售商品",
    title: "活动进展",
    stores: "已上线店铺",
    products: "已上架商品",
    countries: "覆盖国家",
    progress: "{{value}} / {{target}}",
    shareOfGoal: "占活动目标 {{target}} 的 {{percent}}%",
  },
  festival: {
    label: "网购节",
    state: {
      upcoming: "即将开始",
      warmup: "预热中",
      live: "火热进行中",
      encore: "返场",
      ended: "已结束",
    },
    countdown: {
      saleStarts: "距促销开始",
      saleEnds: "距促销结束",
      encoreStarts: "距返场开始",
      encoreEnds: "距返场结束",
    },
    at: {
      saleStarts: "促销开始",
      saleEnds: "促销结束",
      encoreStarts: "返场开始",
      encoreEnds: "返场结束",
    },
    whenIn: "{{event}}（{{zone}}）",
    encoreFollows: "促销价随促销结束；之后返场至 {{date}}。",
    orders: "订单数",
    units: "售出件数",
    gmv: "成交额",
    target: "目标：{{value}}",
    yourTime: "您的当地时间",
    deal: "网购节特惠",
    dealsCount_other: "{{count}}项网购节特惠",
  },
  stores: {
    title: "非洲店铺",
    listHeading: "店铺列表",
    description: "认识“丝路电商”活动的100家精选店铺，从合作社到家庭作坊，各具特色。",
    count_other: "{{count}}家店铺",
  },
  store: {
    founded: "创立于{{year}}年",
    location: "{{country}}·{{city}}",
    story: "我们的故事",
    products: "本店商品",
    productsCount_other: "{{count}}款商品",
    visit: "进店逛逛",
  },
  products: {
    title: "非洲好物",
    description: "咖啡、茶叶、香料、乳木果、纺织品、手工艺品等，均由100家非洲店铺直供。",
    count_other: "{{count}}款商品",
  },
  product: {
    price: "价格",
    dealPrice: "网购节价",
    regularPrice: "日常价",
    save: "立省{{percent}}%",
    inStock: "有货",
    lowStock_other: "仅剩{{count}}件",
    outOfStock: "已售罄",
    origin: "产地",
    category: "品类",
    soldBy: "卖家",
    dealEndsIn: "距优惠结束",
    moreFromStore: "{{store}}的更多商品",
    gallery: {
      label: "照片（{{count}} 张）",
      photo: "{{name}}，第 {{n}} 张，共 {{count}} 张",
      show: "查看第 {{n}} 张照片，共 {{count}} 张",
    },
    details: "商品详情",
    convertedNote: "价格以{{currency}}显示，按{{date}}的汇率由{{base}}换算。",
  },
  content: {
    fallback: "暂无中文翻译，现以英文显示。",
  },
  pagination: {
    label: "分页",
    previous: "上一页",
    next: "下一页",
    page: "第{{page}}页，共{{pages}}页",
  },
  crossSite: {
    title: "请求已拒绝",
    text: "此表单来自其他网站，因此我们没有处理。请回到丝路电商精品馆的页面后重试。",
  },
  notFound: {
    title: "页面未找到",
    text: "找不到该页面。它可能已被移动，或网址输入有误。",
    back: "返回首页",
    searchTitle: "在精品馆中搜索",
    suggestions: "您也许在找",
    categories: "热门分类",
    festival: "网购节",
    products: "新品上架",
  },
  badRequest: {
    title: "无法读取此表单",
    unreadable: "提交的内容不是本页面可以读取的表单。请返回，重新填写并提交。",
    tooLarge: "提交的内容超出了此表单的大小限制。请缩短文字后重新提交。",
    contentType: "本页面只接受由其自身页面提交的表单。请返回并使用该表单。",
    repeated: "此表单的某个字段被提交了不止一次。请返回并重新提交表单。",
    fieldName: "表单中包含本页面不使用的字段。请返回并重新提交表单。",
    file: "此表单不接受文件。请返回，不附文件重新提交。",
  },
  error: {
    title: "出错了",
    text: "请稍后重试。",
  },
  countries: {
    title: "国家馆",
    intro: "在精品馆销售的店铺所在的非洲国家。每个国家馆汇集了该国的店铺和商品。",
  },
  footer: {
    about:
      "丝路电商精品馆是“丝路电商”活动的线上展销平台：汇聚100家非洲店铺和1000款非洲好物，服务中国及非洲各地的消费者。",
    demo: "演示版：支付由内置的演示服务处理，不涉及真实资金。",
    rights: "与来自{{count}}个非洲国家的店铺和匠人携手打造。",
    help: "帮助",
    explore: "逛一逛",
    payments: "支付方式",
    paymentsStripe: "我们通过 Stripe 接受银行卡（Visa、Mastercard 等）付款；以人民币（CNY）付款时还可使用支付宝和微信支付。",
    pages: {
      contact: "联系我们",
      shipping: "配送说明",
      returns: "退货与退款",
      privacy: "隐私政策",
    },
  },
  // Feature namespaces, one folder each, so features can grow without touching this file.
  auth,
  catalog,
  checkout,
  festivals,
  programme,
};

export default zh;
