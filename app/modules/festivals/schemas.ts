/**
 * One schema per festival form, used by the browser (instant feedback) and
 * the action (the real check). Messages are i18n keys under "festivals.errors.".
 * Phases are typed as local date-times in the festival's zone and checked with
 * the festival clock, so the browser and the server refuse the same mistakes.
 */
import { z } from "zod";
import { LANGS } from "../i18n/config";
import { normaliseText, normalisedText, type TextShape } from "../text/normalise";
import { FUNDERS, organiserShare, type Funder } from "../pricing/funding";
import { PHASE_KINDS_ORDERED } from "./phase-kinds";
import { canonicalTimeZone, flashInsideSale, fromLocalInput, isValidTimeZone, validatePhases, type Phase } from "./clock";

export const PHASE_KINDS = PHASE_KINDS_ORDERED;
const E = (key: string) => `festivals.errors.${key}`;

/** An amount in major units ("1250" or "1250.50") → minor units. */
export const moneyMinor = (required = true) =>
  z.preprocess(
    (v) => (v === undefined || v === "" ? (required ? undefined : "0") : v),
    z
      .string({ required_error: E("priceRequired") })
      .trim()
      .regex(/^\d{1,9}([.,]\d{1,2})?$/, E("amountInvalid"))
      .transform((s) => {
        const [whole, frac = ""] = s.replace(",", ".").split(".");
        return Number(whole) * 100 + Number(frac.padEnd(2, "0"));
      }),
  );

/*
 * Every field is a lenient string here and all the checks live in one
 * superRefine: zod skips object-level refinements once a field has failed, and
 * the organiser should see every mistake (a missing language *and* an
 * overlapping phase) at once.
 */
const text = z.string().optional();
const shape: Record<string, z.ZodTypeAny> = {
  slug: text,
  timeZone: text,
  targetOrders: text,
  targetUnits: text,
  targetGmv: text,
  subsidyBudget: text,
};
for (const lang of LANGS) {
  shape[`name_${lang}`] = text;
  shape[`pitch_${lang}`] = text;
}
for (const kind of PHASE_KINDS) {
  shape[`${kind}_start`] = text;
  shape[`${kind}_end`] = text;
}

type Lang = (typeof LANGS)[number];
export type FestivalTexts = Partial<Record<Lang, { name: string; pitch: string }>>;

export interface FestivalInput {
  slug: string;
  timeZone: string;
  targetOrders: number;
  targetUnits: number;
  targetGmv: number;
  /** The most the organiser pays towards deals' discounts (base currency minor units). */
  subsidyBudget: number;
  /** The languages filled in (a draft may lack some; a published festival has all six). */
  names: FestivalTexts;
  phases: Phase[];
}

/** The languages a festival still lacks a name or a pitch in; publishing needs none missing. */
export function missingLanguages(names: FestivalTexts): Lang[] {
  return LANGS.filter((lang) => !names[lang]?.name || !names[lang]?.pitch);
}

/** A field's text as it will be stored (normalised; not text at all counts as empty). */
const str = (v: unknown, shape: TextShape = "line") => (typeof v === "string" ? normaliseText(v, shape) : "");
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const COUNT = /^\d{1,9}$/;
const MONEY = /^\d{1,9}([.,]\d{1,2})?$/;
const toMinor = (s: string) => {
  const [whole, frac = ""] = s.replace(",", ".").split(".");
  return Number(whole) * 100 + Number(frac.padEnd(2, "0"));
};

/**
 * The festival form. A draft may be saved with only some languages (at
 * least one name); a published festival keeps all six (`allLanguages`).
 * In either, a pitch needs its name, since shoppers see the name first.
 */
export const festivalSchemaFor = ({ allLanguages }: { allLanguages: boolean }) =>
  z
    .object(shape)
    .superRefine((v, ctx) => {
      const issue = (path: string, key: string) => ctx.addIssue({ code: "custom", path: [path], message: E(key) });
      const slug = str(v.slug).toLowerCase();
      if (!slug) issue("slug", "slugRequired");
      else if (slug.length < 3 || slug.length > 60 || !SLUG.test(slug)) issue("slug", "slugInvalid");
      const zone = str(v.timeZone);
      if (!isValidTimeZone(zone)) issue("timeZone", "timeZoneInvalid");
      for (const key of ["targetOrders", "targetUnits"]) if (str(v[key]) && !COUNT.test(str(v[key]))) issue(key, "wholeNumber");
      for (const key of ["targetGmv", "subsidyBudget"]) if (str(v[key]) && !MONEY.test(str(v[key]))) issue(key, "amountInvalid");
      for (const lang of LANGS) {
        const name = str(v[`name_${lang}`]);
        const pitch = str(v[`pitch_${lang}`], "paragraphs");
        if (!name && (allLanguages || pitch)) issue(`name_${lang}`, "nameRequired");
        else if (name.length > 120) issue(`name_${lang}`, "nameTooLong");
        if (!pitch && allLanguages) issue(`pitch_${lang}`, "pitchRequired");
        else if (pitch.length > 600) issue(`pitch_${lang}`, "pitchTooLong");
      }
      if (!allLanguages && LANGS.every((lang) => !str(v[`name_${lang}`]) && !str(v[`pitch_${lang}`], "paragraphs")))
        issue("name_en", "oneNameRequired");
      if (!isValidTimeZone(zone)) return;
      const phases: Phase[] = [];
      for (const kind of PHASE_KINDS) {
        const start = str(v[`${kind}_start`]);
        const end = str(v[`${kind}_end`]);
        if (!start && !end) {
          if (kind === "sale") issue("sale_start", "saleRequired");
          continue;
        }
        const parsed: Record<"start" | "end", number | null> = { start: null, end: null };
        for (const [edge, value] of [
          ["start", start],
          ["end", end],
        ] as const) {
          if (!value) {
            issue(`${kind}_${edge}`, "phaseIncomplete");
            continue;
          }
          const r = fromLocalInput(value, zone);
          if (r.ok) parsed[edge] = r.instant;
          else issue(`${kind}_${edge}`, r.error === "nonexistent" ? "timeSkipped" : "dateInvalid");
        }
        if (parsed.start !== null && parsed.end !== null) phases.push({ kind, startsAt: parsed.start, endsAt: parsed.end });
      }
      for (const error of validatePhases(phases)) {
        if (error.code === "end_before_start") issue(`${error.kind}_end`, "endBeforeStart");
        else if (error.code === "overlap") issue(`${error.kind}_start`, "overlap");
        else if (error.code === "out_of_order") issue(`${error.kind}_start`, "outOfOrder");
      }
    })
    .transform((v): FestivalInput => {
      const zone = str(v.timeZone);
      const phases: Phase[] = [];
      for (const kind of PHASE_KINDS) {
        const s = fromLocalInput(str(v[`${kind}_start`]), zone);
        const e = fromLocalInput(str(v[`${kind}_end`]), zone);
        if (s.ok && e.ok) phases.push({ kind, startsAt: s.instant, endsAt: e.instant });
      }
      return {
        slug: str(v.slug).toLowerCase(),
        timeZone: canonicalTimeZone(zone),
        targetOrders: Number(str(v.targetOrders) || 0),
        targetUnits: Number(str(v.targetUnits) || 0),
        targetGmv: toMinor(str(v.targetGmv) || "0"),
        subsidyBudget: toMinor(str(v.subsidyBudget) || "0"),
        names: Object.fromEntries(
          LANGS.flatMap((l) =>
            str(v[`name_${l}`]) ? [[l, { name: str(v[`name_${l}`]), pitch: str(v[`pitch_${l}`], "paragraphs") }]] : [],
          ),
        ),
        phases,
      };
    });

/** A new festival, or a draft being edited. */
export const festivalSchema = festivalSchemaFor({ allLanguages: false });
/** A published festival being edited: it keeps all six languages. */
export const publishedFestivalSchema = festivalSchemaFor({ allLanguages: true });

/**
 * Duplicating a festival: the date (in its home zone) its first phase now
 * starts on; every phase moves by the same amount.
 */
export const duplicateSchema = z.object({
  intent: z.literal("duplicate"),
  startDate: z
    .string({ required_error: E("startDateRequired") })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, E("startDateInvalid"))
    .refine((s) => {
      const [y, m, d] = s.split("-").map(Number);
      const date = new Date(Date.UTC(y, m - 1, d));
      return y >= 2000 && y <= 2100 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
    }, E("startDateInvalid")),
});

/** An owner's deal offer. Regular price and stock are checked on the server against the product. */
export function dealSchema(context?: { phases: readonly Phase[]; timeZone: string; regularMinor?: number; stock?: number }) {
  return z
    .object({
      product: z.string({ required_error: E("productRequired") }).regex(/^\d+$/, E("productRequired")),
      dealPrice: moneyMinor(true),
      committedStock: z
        .string({ required_error: E("committedRequired") })
        .trim()
        .regex(/^\d{1,7}$/, E("wholeNumber"))
        .transform(Number)
        .refine((n) => n > 0, E("committedRequired")),
      perCustomerLimit,
      flash_start: z.string().trim().optional(),
      flash_end: z.string().trim().optional(),
    })
    .superRefine((v, ctx) => {
      if (context?.regularMinor !== undefined && v.dealPrice >= context.regularMinor) {
        ctx.addIssue({ code: "custom", path: ["dealPrice"], message: E("dealNotBelow") });
      }
      if (v.dealPrice <= 0) ctx.addIssue({ code: "custom", path: ["dealPrice"], message: E("amountInvalid") });
      if (context?.stock !== undefined && v.committedStock > context.stock) {
        ctx.addIssue({ code: "custom", path: ["committedStock"], message: E("committedAboveStock") });
      }
      if (!v.flash_start && !v.flash_end) return;
      if (!v.flash_start || !v.flash_end) {
        ctx.addIssue({ code: "custom", path: [v.flash_start ? "flash_end" : "flash_start"], message: E("phaseIncomplete") });
        return;
      }
      if (!context) return;
      const s = fromLocalInput(v.flash_start, context.timeZone);
      const e = fromLocalInput(v.flash_end, context.timeZone);
      if (!s.ok)
        ctx.addIssue({
          code: "custom",
          path: ["flash_start"],
          message: E(s.error === "nonexistent" ? "timeSkipped" : "dateInvalid"),
        });
      if (!e.ok)
        ctx.addIssue({
          code: "custom",
          path: ["flash_end"],
          message: E(e.error === "nonexistent" ? "timeSkipped" : "dateInvalid"),
        });
      if (s.ok && e.ok) {
        if (e.instant <= s.instant) ctx.addIssue({ code: "custom", path: ["flash_end"], message: E("endBeforeStart") });
        else if (!flashInsideSale(context.phases, s.instant, e.instant))
          ctx.addIssue({ code: "custom", path: ["flash_start"], message: E("flashOutsideSale") });
      }
    });
}

/** The largest discount the "same discount for all" form takes, in percent. */
export const BULK_DISCOUNT_MAX = 90;

/** `percent` off a regular price, rounded to whole minor units. */
export function discountedMinor(regularMinor: number, percent: number): number {
  return Math.round((regularMinor * (100 - percent)) / 100);
}

const perCustomerLimit = z
  .string()
  .trim()
  .regex(/^\d{1,5}$/, E("wholeNumber"))
  .transform(Number)
  .refine((n) => n > 0, E("limitInvalid"))
  .optional();

/**
 * The same discount on several of the store's products at once: one
 * percentage, and for each product ticked (`pick_<id>`) its committed units
 * (`units_<id>`). Each resulting offer keeps the single offer's rules: below
 * the regular price, above zero, no more units than the product's stock.
 */
export function bulkDealSchema(products: readonly { id: number; priceMinor: number; stock: number }[]) {
  const shape: Record<string, z.ZodTypeAny> = {
    intent: z.literal("bulk"),
    percent: z
      .string({ required_error: E("percentRequired") })
      .trim()
      .regex(/^\d{1,2}$/, E("percentInvalid"))
      .transform(Number)
      .refine((n) => n >= 1 && n <= BULK_DISCOUNT_MAX, E("percentInvalid")),
    perCustomerLimit,
  };
  for (const p of products) {
    shape[`pick_${p.id}`] = z.string().optional();
    shape[`units_${p.id}`] = z.string().optional();
  }
  return z
    .object(shape)
    .superRefine((v: Record<string, unknown>, ctx) => {
      const picked = products.filter((p) => v[`pick_${p.id}`]);
      if (!picked.length) ctx.addIssue({ code: "custom", path: [], message: E("pickProducts") });
      for (const p of picked) {
        const raw = v[`units_${p.id}`];
        const units = typeof raw === "string" ? raw.trim() : "";
        const path = [`units_${p.id}`];
        if (!/^\d{1,7}$/.test(units)) ctx.addIssue({ code: "custom", path, message: E(units ? "wholeNumber" : "committedRequired") });
        else if (Number(units) <= 0) ctx.addIssue({ code: "custom", path, message: E("committedRequired") });
        else if (Number(units) > p.stock) ctx.addIssue({ code: "custom", path, message: E("committedAboveStock") });
        if (typeof v.percent === "number") {
          const price = discountedMinor(p.priceMinor, v.percent);
          if (price <= 0 || price >= p.priceMinor) ctx.addIssue({ code: "custom", path: [`pick_${p.id}`], message: E("discountNoPrice") });
        }
      }
    })
    .transform((v: Record<string, unknown>) => ({
      percent: v.percent as number,
      perCustomerLimit: (v.perCustomerLimit as number | undefined) ?? null,
      offers: products.filter((p) => v[`pick_${p.id}`]).map((p) => ({ productId: p.id, committedStock: Number(v[`units_${p.id}`]) })),
    }));
}

/**
 * Who funds an approved deal's discount: the store (default), the organiser,
 * or shared at a whole percentage from 1 to 99 (the organiser's share).
 */
const fundingFields = {
  funder: z.enum(FUNDERS, { errorMap: () => ({ message: E("funderInvalid") }) }).default("store"),
  share: z.string().trim().max(3).optional(),
};
const SHARE = /^\d{1,2}$/;
function shareIssue(v: { decision: string; funder: Funder; share?: string }): boolean {
  return v.decision === "approved" && v.funder === "shared" && !(SHARE.test(v.share ?? "") && Number(v.share) >= 1 && Number(v.share) <= 99);
}
const sharePctOf = (v: { funder: Funder; share?: string }) => organiserShare(v.funder, v.funder === "shared" ? Number(v.share) : 0);

export const decisionSchema = z
  .object({
    subject: z.enum(["enrolment", "deal"]),
    id: z.string().regex(/^\d+$/).transform(Number),
    decision: z.enum(["approved", "rejected"]),
    reason: normalisedText("paragraphs", { max: [500, E("reasonTooLong")] }),
    ...fundingFields,
  })
  .refine((v) => v.decision === "approved" || (v.reason ?? "").length >= 3, { path: ["reason"], message: E("reasonRequired") })
  .refine((v) => v.subject !== "deal" || !shareIssue(v), { path: ["share"], message: E("sharePercent") })
  .transform((v) => ({ ...v, sharePct: v.subject === "deal" ? sharePctOf(v) : 0 }));

/** The most applications decided in one go (a page of the queue holds fewer). */
export const MAX_BULK_PICKS = 200;
/** A selected application's checkbox: `pick_deal_12`, `pick_enrolment_3` (flat names: repeated fields are refused). */
const PICK_FIELD = /^pick_(enrolment|deal)_(\d{1,9})$/;

/**
 * The review queue's bulk form: the ticked applications, one decision and one
 * reason for all (needed to reject, shown to every owner concerned). The
 * festival, when the queue was filtered by one, limits the batch to it.
 */
export const bulkDecisionSchema = z
  .object({
    intent: z.literal("bulk"),
    decision: z.enum(["approved", "rejected"], { errorMap: () => ({ message: E("decisionRequired") }) }),
    reason: normalisedText("paragraphs", { max: [500, E("reasonTooLong")] }),
    festival: z.string().max(80).optional(),
    ...fundingFields,
  })
  .passthrough()
  .transform((v) => ({
    decision: v.decision,
    reason: v.reason,
    festival: v.festival,
    funder: v.funder,
    share: v.share,
    sharePct: sharePctOf(v),
    picks: Object.keys(v).flatMap((k) => {
      const m = PICK_FIELD.exec(k);
      return m ? [{ subject: m[1] as "enrolment" | "deal", id: Number(m[2]) }] : [];
    }),
  }))
  .superRefine((v, ctx) => {
    if (!v.picks.length) ctx.addIssue({ code: "custom", path: [], message: E("noneSelected") });
    if (v.picks.length > MAX_BULK_PICKS) ctx.addIssue({ code: "custom", path: [], message: E("tooManySelected") });
    if (v.decision === "rejected" && (v.reason ?? "").length < 3) ctx.addIssue({ code: "custom", path: ["reason"], message: E("reasonRequired") });
    if (shareIssue(v)) ctx.addIssue({ code: "custom", path: ["share"], message: E("sharePercent") });
  });
