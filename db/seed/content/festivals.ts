import type { L10n } from "./types";

export interface FestivalContent {
  slug: string;
  timeZone: string;
  name: L10n;
  pitch: L10n;
}

/** Three festivals the seed places relative to today: one ended, one live, one upcoming. */
export const FESTIVALS: { ended: FestivalContent; live: FestivalContent; upcoming: FestivalContent } = {
  ended: {
    slug: "autumn-harvest-festival",
    timeZone: "Africa/Lagos",
    name: {
      en: "Autumn Harvest Festival",
      zh: "金秋丰收购物节",
      fr: "Festival des récoltes d'automne",
      ar: "مهرجان حصاد الخريف",
      pt: "Festival da Colheita de Outono",
      sw: "Tamasha la Mavuno ya Vuli",
    },
    pitch: {
      en: "A week of new-crop coffee, spices and shea from across the continent, at harvest prices.",
      zh: "一周时间，汇集非洲大陆各地的当季新咖啡、香料与乳木果，以丰收价回馈顾客。",
      fr: "Une semaine de café de nouvelle récolte, d'épices et de karité de tout le continent, à prix de récolte.",
      ar: "أسبوع من قهوة المحصول الجديد والتوابل وزبدة الشيا من أنحاء القارة، بأسعار موسم الحصاد.",
      pt: "Uma semana de café da nova colheita, especiarias e karité de todo o continente, a preços de colheita.",
      sw: "Wiki nzima ya kahawa ya mavuno mapya, viungo na shea kutoka kote barani, kwa bei za mavuno.",
    },
  },
  live: {
    slug: "silk-road-africa-week",
    timeZone: "Asia/Shanghai",
    name: {
      en: "Silk Road Africa Week",
      zh: "丝路电商·非洲好物周",
      fr: "Semaine Afrique de la Route de la soie",
      ar: "أسبوع أفريقيا على طريق الحرير",
      pt: "Semana África da Rota da Seda",
      sw: "Wiki ya Afrika ya Njia ya Hariri",
    },
    pitch: {
      en: "Quality African products at festival prices for shoppers in China and across Africa — straight from the makers.",
      zh: "非洲优质好物直接来自生产者，以购物节价格献给中国和非洲各地的消费者。",
      fr: "Des produits africains de qualité à prix de festival pour les acheteurs en Chine et dans toute l'Afrique, directement auprès des artisans.",
      ar: "منتجات أفريقية عالية الجودة بأسعار المهرجان للمتسوقين في الصين وفي أنحاء أفريقيا، مباشرة من صانعيها.",
      pt: "Produtos africanos de qualidade a preços de festival para compradores na China e em toda a África, direto de quem os faz.",
      sw: "Bidhaa bora za Afrika kwa bei za tamasha kwa wanunuzi nchini China na kote Afrika, moja kwa moja kutoka kwa watengenezaji.",
    },
  },
  upcoming: {
    slug: "new-year-gifts-festival",
    timeZone: "Africa/Nairobi",
    name: {
      en: "New Year Gifts Festival",
      zh: "新春好礼购物节",
      fr: "Festival des cadeaux du Nouvel An",
      ar: "مهرجان هدايا العام الجديد",
      pt: "Festival de Presentes de Ano Novo",
      sw: "Tamasha la Zawadi za Mwaka Mpya",
    },
    pitch: {
      en: "Handmade gifts from African workshops — textiles, jewellery, art and baskets — for the new year.",
      zh: "来自非洲手工作坊的新年礼物：织物、首饰、艺术品和编织篮。",
      fr: "Des cadeaux faits main par des ateliers africains — textiles, bijoux, art et paniers — pour la nouvelle année.",
      ar: "هدايا مصنوعة يدويًا في ورش أفريقية — منسوجات ومجوهرات وفنون وسلال — للعام الجديد.",
      pt: "Presentes feitos à mão em oficinas africanas — tecidos, joias, arte e cestos — para o novo ano.",
      sw: "Zawadi zilizotengenezwa kwa mikono katika karakana za Afrika — vitambaa, vito, sanaa na vikapu — kwa mwaka mpya.",
    },
  },
};
