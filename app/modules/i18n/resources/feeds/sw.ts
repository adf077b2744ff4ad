/** Kiswahili: milisho ya bidhaa kwa majukwaa mengine, na oda kwa chanzo (funguo chini ya "feeds."). */
export default {
  channelDescription: "Bidhaa bora kutoka maduka ya Kiafrika, kwenye Maonyesho ya Njia ya Hariri.",
  title: "Milisho ya bidhaa",
  link: "Milisho ya bidhaa",
  intro:
    "Milisho kwa majukwaa mengine, mmoja kwa kila lugha na sarafu. Lipe jukwaa anwani ya mlisho: unaorodhesha bidhaa zilizo hewani tu, kwa bei wanazoona wanunuzi sasa (bei za tamasha wakati ofa inaendelea), na kila kiungo ndani yake kinatuambia mnunuzi ametoka jukwaa gani.",
  currency: "Sarafu",
  show: "Onyesha",
  language: "Lugha",
  feed: "Mlisho",
  address: "Anwani",
  kinds: {
    google: "Google Merchant Center (XML)",
    meta: "Katalogi ya Meta (CSV)",
    csv: "Uhamishaji kwa masoko ya mtandaoni (CSV)",
    json: "Uhamishaji kwa masoko ya mtandaoni (JSON)",
  },
  copy: "Nakili",
  copied: "Imenakiliwa",
  open: "Fungua",
  urlLabel: "{{feed}}, {{language}}",
  ownerOptOut: "Usiweke bidhaa hii kwenye milisho ya bidhaa",
  ownerOptOutHint: "Milisho ya bidhaa huonyesha bidhaa zako zilizo hewani kwenye sehemu za ununuzi za injini za utafutaji, katalogi za mitandao ya kijamii na masoko ya mtandaoni.",
  sources: {
    title: "Oda kwa chanzo",
    caption: "Oda zilizolipiwa kulingana na kiungo alichotoka mnunuzi (utm_source); mapato yanahesabu bidhaa, si usafirishaji.",
    source: "Chanzo",
    orders: "Oda",
    revenue: "Mapato",
    direct: "Moja kwa moja au haijulikani",
    none: "Bado hakuna oda zilizolipiwa.",
  },
};
