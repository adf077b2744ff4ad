/**
 * What an owner may do to a product's status. Pure: the action asks this
 * first, then writes with the old status in the WHERE clause.
 *   draft → active (publish) · active → draft (unpublish)
 *   draft/active → archived · archived → draft (restore)
 * A product the organiser suspended stays suspended whatever the owner does.
 */
import type { PRODUCT_INTENTS } from "./schemas";

export type ProductStatus = "draft" | "active" | "archived" | "suspended";
export type ProductIntent = (typeof PRODUCT_INTENTS)[number];

const MOVES: Record<ProductIntent, { from: ProductStatus[]; to: ProductStatus }> = {
  publish: { from: ["draft"], to: "active" },
  unpublish: { from: ["active"], to: "draft" },
  archive: { from: ["draft", "active"], to: "archived" },
  restore: { from: ["archived"], to: "draft" },
};

export function nextStatus(current: ProductStatus, intent: ProductIntent): ProductStatus | null {
  const move = MOVES[intent];
  return move.from.includes(current) ? move.to : null;
}

export function allowedIntents(current: ProductStatus): ProductIntent[] {
  return (Object.keys(MOVES) as ProductIntent[]).filter((i) => nextStatus(current, i));
}
