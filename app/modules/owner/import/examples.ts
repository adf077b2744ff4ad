/**
 * The example file's products, in each language: three rows a store owner
 * can read, change and import. English is always there (it is required);
 * the reader's language beside it. Pure: the download route builds the CSV.
 */
import type { Lang } from "../../i18n/config";
import { templateColumns, toCsv } from "./columns";

interface ExampleText {
  name: string;
  description: string;
  origin_note: string;
}

const BASE = [
  { sku: "KENTE-001", category: "textiles", price: "45.00", currency: "USD", stock: "12", images: "kente-1.jpg;kente-2.jpg" },
  { sku: "SHEA-250", category: "beauty", price: "9.50", currency: "USD", stock: "80", images: "shea.jpg" },
  { sku: "COFFEE-YRG", category: "coffee", price: "14.00", currency: "USD", stock: "40", images: "" },
];

const TEXTS: Record<Lang, ExampleText[]> = {
  en: [
    { name: "Kente scarf, handwoven", description: "Woven on a narrow loom in **Bonwire** from cotton strips.", origin_note: "Bonwire, Ashanti Region, Ghana" },
    { name: "Raw shea butter, 250 g", description: "Unrefined, pressed by a women's cooperative.", origin_note: "Tamale, Ghana" },
    { name: "Yirgacheffe coffee beans", description: "Washed, light roast, notes of jasmine and lemon.", origin_note: "Gedeo Zone, Ethiopia" },
  ],
  fr: [
    { name: "Écharpe kente tissée main", description: "Tissée sur un métier étroit à **Bonwire**, en bandes de coton.", origin_note: "Bonwire, région Ashanti, Ghana" },
    { name: "Beurre de karité brut, 250 g", description: "Non raffiné, pressé par une coopérative de femmes.", origin_note: "Tamale, Ghana" },
    { name: "Café Yirgacheffe en grains", description: "Lavé, torréfaction claire, notes de jasmin et de citron.", origin_note: "Zone Gedeo, Éthiopie" },
  ],
  zh: [
    { name: "手工编织肯特围巾", description: "在**邦维尔**用窄织机以棉布条织成。", origin_note: "加纳阿散蒂区邦维尔" },
    { name: "生乳木果油，250 克", description: "未精炼，由妇女合作社压榨。", origin_note: "加纳塔马利" },
    { name: "耶加雪菲咖啡豆", description: "水洗处理，浅度烘焙，带茉莉和柠檬风味。", origin_note: "埃塞俄比亚盖德奥地区" },
  ],
  ar: [
    { name: "وشاح كنتي منسوج يدويًا", description: "منسوج على نول ضيق في **بونواير** من شرائط القطن.", origin_note: "بونواير، منطقة أشانتي، غانا" },
    { name: "زبدة الشيا الخام، 250 غ", description: "غير مكررة، تعصرها تعاونية نسائية.", origin_note: "تامالي، غانا" },
    { name: "حبوب قهوة يرغاتشيفي", description: "مغسولة، تحميص فاتح، بنكهة الياسمين والليمون.", origin_note: "منطقة جيديو، إثيوبيا" },
  ],
  pt: [
    { name: "Lenço kente tecido à mão", description: "Tecido num tear estreito em **Bonwire**, com tiras de algodão.", origin_note: "Bonwire, região Ashanti, Gana" },
    { name: "Manteiga de karité crua, 250 g", description: "Não refinada, prensada por uma cooperativa de mulheres.", origin_note: "Tamale, Gana" },
    { name: "Café Yirgacheffe em grão", description: "Lavado, torra clara, notas de jasmim e limão.", origin_note: "Zona Gedeo, Etiópia" },
  ],
  sw: [
    { name: "Skafu ya kente iliyofumwa kwa mkono", description: "Imefumwa kwa kitanda chembamba huko **Bonwire** kwa vipande vya pamba.", origin_note: "Bonwire, Mkoa wa Ashanti, Ghana" },
    { name: "Siagi ghafi ya shea, g 250", description: "Haijasafishwa, imekamuliwa na ushirika wa wanawake.", origin_note: "Tamale, Ghana" },
    { name: "Buni za kahawa ya Yirgacheffe", description: "Zimeoshwa, zimekaangwa kidogo, ladha ya yasmini na limau.", origin_note: "Eneo la Gedeo, Ethiopia" },
  ],
};

/** The empty template: the header row only, the reader's language after English. */
export function templateCsv(lang: Lang): string {
  return toCsv(templateColumns(lang), []);
}

/** Three example products in English and the reader's language. */
export function exampleCsv(lang: Lang): string {
  const rows = BASE.map((base, i) => {
    const row: Record<string, string> = { ...base };
    for (const l of new Set<Lang>(["en", lang])) {
      const text = TEXTS[l][i];
      row[`name_${l}`] = text.name;
      row[`description_${l}`] = text.description;
      row[`origin_note_${l}`] = text.origin_note;
    }
    return row;
  });
  return toCsv(templateColumns(lang), rows);
}
