/**
 * One schema per owner or organiser form, used by the browser (instant
 * feedback through Conform) and by the action (the real check). Messages are
 * i18n keys under "owner.errors.". Translated fields are flat (`name_fr`), so
 * an empty language is simply absent.
 */
import { z } from "zod";
import { LANGS, type Lang } from "../i18n/config";
import { normalisedText, type OptionalText } from "../text/normalise";
import { AFRICAN_COUNTRIES } from "../geo/countries";


export const PRODUCT_NAME_MAX = 120;
export const DESCRIPTION_MAX = 5000;
export const ORIGIN_MAX = 300;
export const PRICE_MAX_MINOR = 100_000_000; // 1,000,000.00 USD
export const STOCK_MAX = 1_000_000;
export const LOW_STOCK = 5;
export const STORE_NAME_MAX = 80;
export const CITY_MAX = 80;
export const TAGLINE_MAX = 140;
export const STORY_MIN = 20;
export const STORY_MAX = 4000;
export const FOUNDED_MIN = 1800;

/** "12", "12.5", "12,50" (USD, two decimals) → 1250 minor units; null if not a price. */
export function parsePriceToMinor(input: string): number | null {
  const m = /^\s*(\d{1,7})(?:[.,](\d{1,2}))?\s*$/.exec(input);
  if (!m) return null;
  const minor = Number(m[1]) * 100 + Number((m[2] ?? "0").padEnd(2, "0"));
  return minor > 0 && minor <= PRICE_MAX_MINOR ? minor : null;
}

/** 1250 → "12.50", for putting a stored price back in the form. */
export function minorToPriceInput(minor: number): string {
  return `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, "0")}`;
}

const slug = (message: string) => z.string({ required_error: message }).regex(/^[a-z0-9-]{1,80}$/, message);

const translatedProductFields = Object.fromEntries(
  LANGS.flatMap((lang) => [
    [`name_${lang}`, normalisedText("line", { max: [PRODUCT_NAME_MAX, "owner.errors.nameTooLong"] })],
    // Descriptions are Markdown: their indents and line breaks mean something.
    [`description_${lang}`, normalisedText("markdown", { max: [DESCRIPTION_MAX, "owner.errors.descriptionTooLong"] })],
    [`originNote_${lang}`, normalisedText("line", { max: [ORIGIN_MAX, "owner.errors.originTooLong"] })],
  ]),
) as Record<`${"name" | "description" | "originNote"}_${Lang}`, OptionalText>;

export const productSchema = z
  .object({
    ...translatedProductFields,
    name_en: normalisedText("line", { required: "owner.errors.englishNameRequired", min: [2, "owner.errors.nameTooShort"], max: [PRODUCT_NAME_MAX, "owner.errors.nameTooLong"] }),
    category: slug("owner.errors.categoryRequired"),
    price: z
      .string({ required_error: "owner.errors.priceRequired" })
      .refine((v) => parsePriceToMinor(v) !== null, "owner.errors.priceInvalid"),
    stock: z
      .number({ required_error: "owner.errors.stockRequired", invalid_type_error: "owner.errors.stockInvalid" })
      .int("owner.errors.stockInvalid")
      .min(0, "owner.errors.stockInvalid")
      .max(STOCK_MAX, "owner.errors.stockInvalid"),
    /** Kept out of the product feeds for other platforms (a checkbox: absent means listed). */
    feedOptOut: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    // A language with a description or origin note needs its own name too.
    for (const lang of LANGS) {
      if (lang === "en") continue;
      const has = (f: "description" | "originNote") => Boolean(v[`${f}_${lang}`]);
      if ((has("description") || has("originNote")) && !v[`name_${lang}`]) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [`name_${lang}`], message: "owner.errors.nameNeeded" });
      }
    }
  });
export type ProductInput = z.infer<typeof productSchema>;

/** Which of the six languages a product form (or stored product) has filled. */
export function filledLanguages(values: Partial<Record<string, string | undefined>>): Lang[] {
  return LANGS.filter((lang) => Boolean(values[`name_${lang}`]?.trim()));
}

export const PRODUCT_INTENTS = ["publish", "unpublish", "archive", "restore"] as const;
export const productStatusSchema = z.object({
  intent: z.enum(PRODUCT_INTENTS, { errorMap: () => ({ message: "owner.errors.intentInvalid" }) }),
});

const storyFields = Object.fromEntries(
  LANGS.map((lang) => [`story_${lang}`, normalisedText("paragraphs", { max: [STORY_MAX, "owner.errors.storyTooLong"] })]),
) as Record<`story_${Lang}`, OptionalText>;

export const storeApplicationSchema = z
  .object({
    name: normalisedText("line", { required: "owner.errors.storeNameRequired", min: [2, "owner.errors.nameTooShort"], max: [STORE_NAME_MAX, "owner.errors.nameTooLong"] }),
    country: z.enum(AFRICAN_COUNTRIES, { errorMap: () => ({ message: "owner.errors.countryRequired" }) }),
    city: normalisedText("line", { required: "owner.errors.cityRequired", min: [2, "owner.errors.cityRequired"], max: [CITY_MAX, "owner.errors.nameTooLong"] }),
    category: slug("owner.errors.categoryRequired"),
    ...storyFields,
  })
  .superRefine((v, ctx) => {
    const stories = LANGS.map((l) => v[`story_${l}`] ?? "").filter(Boolean);
    if (!stories.length) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["story_en"], message: "owner.errors.storyRequired" });
    else if (stories.some((s) => s.length < STORY_MIN)) {
      const lang = LANGS.find((l) => (v[`story_${l}`]?.length ?? 0) > 0 && (v[`story_${l}`]?.length ?? 0) < STORY_MIN)!;
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [`story_${lang}`], message: "owner.errors.storyTooShort" });
    }
  });
export type StoreApplication = z.infer<typeof storeApplicationSchema>;

export const storeDecisionSchema = z
  .object({
    store: slug("owner.errors.storeInvalid"),
    decision: z.enum(["approve", "suspend"], { errorMap: () => ({ message: "owner.errors.intentInvalid" }) }),
    reason: normalisedText("paragraphs", { max: [500, "owner.errors.reasonTooLong"] }),
  })
  .refine((v) => v.decision !== "suspend" || (v.reason?.length ?? 0) >= 3, { path: ["reason"], message: "owner.errors.reasonRequired" });

export const imageActionSchema = z.object({
  intent: z.enum(["cover", "up", "down", "delete"], { errorMap: () => ({ message: "owner.errors.intentInvalid" }) }),
  image: z.number({ invalid_type_error: "owner.errors.intentInvalid", required_error: "owner.errors.intentInvalid" }).int().positive(),
});

// ── Store profile (an existing store's details and its translations) ──────


export const storeTranslationSchema = z.object({
  intent: z.literal("translation"),
  language: z.enum(LANGS, { errorMap: () => ({ message: "owner.errors.languageInvalid" }) }),
  name: normalisedText("line", { required: "owner.errors.storeNameRequired", min: [2, "owner.errors.nameTooShort"], max: [STORE_NAME_MAX, "owner.errors.nameTooLong"] }),
  city: normalisedText("line", { required: "owner.errors.cityRequired", min: [2, "owner.errors.cityRequired"], max: [CITY_MAX, "owner.errors.nameTooLong"] }),
  tagline: normalisedText("line", { max: [TAGLINE_MAX, "owner.errors.taglineTooLong"] }),
  // Optional per language (the English story, or another language's, is shown
  // instead); the domain refuses a save that would leave the store with none.
  story: normalisedText("paragraphs", { min: [STORY_MIN, "owner.errors.storyTooShort"], max: [STORY_MAX, "owner.errors.storyTooLong"] }),
});
export type StoreTranslationInput = z.infer<typeof storeTranslationSchema>;

export const storeTranslationRemoveSchema = z
  .object({
    intent: z.literal("remove"),
    language: z.enum(LANGS, { errorMap: () => ({ message: "owner.errors.languageInvalid" }) }),
  })
  .refine((v) => v.language !== "en", { path: ["language"], message: "owner.errors.englishRequired" });

export const storeDetailsSchema = z.object({
  intent: z.literal("details"),
  category: slug("owner.errors.categoryRequired"),
  // Only a store still awaiting review sends it: see updateStoreDetails.
  country: z.enum(AFRICAN_COUNTRIES, { errorMap: () => ({ message: "owner.errors.countryRequired" }) }).optional(),
  foundedYear: z
    .number({ invalid_type_error: "owner.errors.foundedYearInvalid" })
    .int("owner.errors.foundedYearInvalid")
    .min(FOUNDED_MIN, "owner.errors.foundedYearInvalid")
    .refine((y) => y <= new Date().getUTCFullYear(), "owner.errors.foundedYearInvalid")
    .optional(),
});
export type StoreDetailsInput = z.infer<typeof storeDetailsSchema>;

/**
 * The store the form says it edits must be the one in the URL (which the
 * guard found through the owner): a hidden field naming any other store,
 * another owner's or not, is refused before anything is parsed.
 */
export function claimsStore(formData: FormData, storeId: number): boolean {
  const claimed = formData.get("store");
  return typeof claimed === "string" && /^\d{1,15}$/.test(claimed) && Number(claimed) === storeId;
}

/** Marking an order line shipped (carrier and tracking number) or delivered; messages are "owner.errors." keys. */
export const fulfilmentSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("ship"),
    line: z.coerce.number().int().positive(),
    carrier: z.string().trim().min(1, "owner.errors.carrierRequired").max(60, "owner.errors.carrierTooLong"),
    trackingNumber: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9 -]{2,59}$/, "owner.errors.trackingInvalid"),
  }),
  z.object({ intent: z.literal("deliver"), line: z.coerce.number().int().positive() }),
]);
