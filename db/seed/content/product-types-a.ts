import { PRODUCT_TYPES_COFFEE_TEA } from "./product-types-coffee-tea";
import { PRODUCT_TYPES_SPICES_SKINCARE } from "./product-types-spices-skincare";
import { PRODUCT_TYPES_TEXTILES_CRAFTS } from "./product-types-textiles-crafts";
import type { ProductTypeContent } from "./types";

export const PRODUCT_TYPES_A: ProductTypeContent[] = [
  ...PRODUCT_TYPES_COFFEE_TEA,
  ...PRODUCT_TYPES_SPICES_SKINCARE,
  ...PRODUCT_TYPES_TEXTILES_CRAFTS,
];
