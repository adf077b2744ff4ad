import { PRODUCT_TYPES_ART_JEWELLERY } from "./product-types-art-jewellery";
import { PRODUCT_TYPES_FOODS_BEAUTY } from "./product-types-foods-beauty";
import { PRODUCT_TYPES_LEATHER_HOME } from "./product-types-leather-home";
import type { ProductTypeContent } from "./types";

export const PRODUCT_TYPES_B: ProductTypeContent[] = [
  ...PRODUCT_TYPES_ART_JEWELLERY,
  ...PRODUCT_TYPES_FOODS_BEAUTY,
  ...PRODUCT_TYPES_LEATHER_HOME,
];
