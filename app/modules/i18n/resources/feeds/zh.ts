/** 简体中文：面向其他平台的商品数据源，以及按来源统计的订单（"feeds." 下的键）。 */
export default {
  channelDescription: "丝路优品展上来自非洲店铺的优质商品。",
  title: "商品数据源",
  link: "商品数据源",
  intro:
    "面向其他平台的数据源，每种语言和货币各一个。把数据源地址提供给平台即可：其中只列出在售商品，价格与顾客此刻看到的一致（优惠进行期间为节日价），其中每个链接都会告诉我们顾客来自哪个平台。",
  currency: "货币",
  show: "显示",
  language: "语言",
  feed: "数据源",
  address: "地址",
  kinds: {
    google: "Google Merchant Center（XML）",
    meta: "Meta 商品目录（CSV）",
    csv: "电商平台导出（CSV）",
    json: "电商平台导出（JSON）",
  },
  copy: "复制",
  copied: "已复制",
  open: "打开",
  urlLabel: "{{feed}}，{{language}}",
  ownerOptOut: "不将此商品放入商品数据源",
  ownerOptOutHint: "商品数据源会把您的在售商品展示在搜索引擎购物频道、社交平台商品目录和电商平台上。",
  sources: {
    title: "按来源统计的订单",
    caption: "按顾客来源链接（utm_source）统计的已付款订单；销售额只计商品，不含运费。",
    source: "来源",
    orders: "订单",
    revenue: "销售额",
    direct: "直接访问或未知",
    none: "暂无已付款订单。",
  },
};
