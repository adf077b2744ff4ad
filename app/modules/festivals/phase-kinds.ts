/** The phases of a festival, in the order they happen; only the sale is required. */
export const PHASE_KINDS_ORDERED = ["registration", "warmup", "sale", "encore"] as const;
export type PhaseKindName = (typeof PHASE_KINDS_ORDERED)[number];
