/**
 * One schema per owner or organiser form, used by the browser (instant
 * feedback through Conform) and by the action (the real check). Messages are
 * i18n keys under "owner.errors.". Translated fields are flat (`name_fr`), so
 * an empty language is simply absent.
 */
import { z } from "zod";
import { LANGS, type Lang } from "../i18n/config";

/** The African Union's 55 members' ISO codes, minus the Sahrawi Republic (no ISO code). */
export const AFRICAN_COUNTRIES = [
  "DZ", "AO", "BJ", "BW", "BF", "BI", "CV", "CM", "CF", "TD", "KM", "CG", "CD", "CI", "DJ", "EG", "GQ", "ER",
  "SZ", "ET", "GA", "GM", "GH", "GN", "GW", "KE", "LS", "LR", "LY", "MG", "MW", "ML", "MR", "MU", "MA", "MZ",
  "NA", "NE", "NG", "RW", "ST", "SN", "SC", "SL", "SO", "ZA", "SS", "SD", "TZ", "TG", "TN", "UG", "ZM", "ZW",
] as const;

export const PRODUCT_NAME_MAX = 120;
export const DESCRIPTION_MAX = 5000;
export const ORIGIN_MAX = 300;
export const PRICE_MAX_MINOR = 100_000_000; // 1,000,000.00 USD
export const STOCK_MAX = 1_000_000;
export const LOW_STOCK = 5;

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
    [`name_${lang}`, z.string().trim().max(PRODUCT_NAME_MAX, "owner.errors.nameTooLong").optional()],
    [`description_${lang}`, z.string().max(DESCRIPTION_MAX, "owner.errors.descriptionTooLong").optional()],
    [`originNote_${lang}`, z.string().trim().max(ORIGIN_MAX, "owner.errors.originTooLong").optional()],
  ]),
) as Record<`${"name" | "description" | "originNote"}_${Lang}`, z.ZodOptional<z.ZodString>>;

export const productSchema = z
  .object({
    ...translatedProductFields,
    name_en: z.string({ required_error: "owner.errors.englishNameRequired" }).trim().min(2, "owner.errors.nameTooShort").max(PRODUCT_NAME_MAX, "owner.errors.nameTooLong"),
    category: slug("owner.errors.categoryRequired"),
    price: z
      .string({ required_error: "owner.errors.priceRequired" })
      .refine((v) => parsePriceToMinor(v) !== null, "owner.errors.priceInvalid"),
    stock: z
      .number({ required_error: "owner.errors.stockRequired", invalid_type_error: "owner.errors.stockInvalid" })
      .int("owner.errors.stockInvalid")
      .min(0, "owner.errors.stockInvalid")
      .max(STOCK_MAX, "owner.errors.stockInvalid"),
  })
  .superRefine((v, ctx) => {
    // A language with a description or origin note needs its own name too.
    for (const lang of LANGS) {
      if (lang === "en") continue;
      const has = (f: "description" | "originNote") => Boolean(v[`${f}_${lang}`]?.trim());
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
  LANGS.map((lang) => [`story_${lang}`, z.string().trim().max(4000, "owner.errors.storyTooLong").optional()]),
) as Record<`story_${Lang}`, z.ZodOptional<z.ZodString>>;

export const storeApplicationSchema = z
  .object({
    name: z.string({ required_error: "owner.errors.storeNameRequired" }).trim().min(2, "owner.errors.nameTooShort").max(80, "owner.errors.nameTooLong"),
    country: z.enum(AFRICAN_COUNTRIES, { errorMap: () => ({ message: "owner.errors.countryRequired" }) }),
    city: z.string({ required_error: "owner.errors.cityRequired" }).trim().min(2, "owner.errors.cityRequired").max(80, "owner.errors.nameTooLong"),
    category: slug("owner.errors.categoryRequired"),
    ...storyFields,
  })
  .superRefine((v, ctx) => {
    const stories = LANGS.map((l) => v[`story_${l}`]?.trim() ?? "").filter(Boolean);
    if (!stories.length) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["story_en"], message: "owner.errors.storyRequired" });
    else if (stories.some((s) => s.length < 20)) {
      const lang = LANGS.find((l) => (v[`story_${l}`]?.trim().length ?? 0) > 0 && (v[`story_${l}`]?.trim().length ?? 0) < 20)!;
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [`story_${lang}`], message: "owner.errors.storyTooShort" });
    }
  });
export type StoreApplication = z.infer<typeof storeApplicationSchema>;

export const storeDecisionSchema = z
  .object({
    store: slug("owner.errors.storeInvalid"),
    decision: z.enum(["approve", "suspend"], { errorMap: () => ({ message: "owner.errors.intentInvalid" }) }),
    reason: z.string().trim().max(500, "owner.errors.reasonTooLong").optional(),
  })
  .refine((v) => v.decision !== "suspend" || (v.reason?.length ?? 0) >= 3, { path: ["reason"], message: "owner.errors.reasonRequired" });

export const imageActionSchema = z.object({
  intent: z.enum(["cover", "up", "down", "delete"], { errorMap: () => ({ message: "owner.errors.intentInvalid" }) }),
  image: z.number({ invalid_type_error: "owner.errors.intentInvalid", required_error: "owner.errors.intentInvalid" }).int().positive(),
});

// ── Store profile (an existing store's details and its translations) ──────

export const STORE_NAME_MAX = 80;
export const CITY_MAX = 80;
export const TAGLINE_MAX = 140;
export const STORY_MIN = 20;
export const STORY_MAX = 4000;
export const FOUNDED_MIN = 1800;

// Invisible characters that have no place in shop text: C0/C1 controls, and the
// bidi embedding/override/isolate marks that can make a name display as another.
// Left-to-right and right-to-left marks (U+200E/F) and joiners stay: Arabic and
// emoji text use them.
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are removed.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** One line of plain text: NFC, no invisible controls, runs of white space made one space. */
export function singleLine(input: string): string {
  return input.normalize("NFC").replace(CONTROLS, "").replace(/\s+/g, " ").trim();
}

/** Paragraphs of plain text: as `singleLine`, but line breaks kept (at most one blank line in a row). */
export function plainParagraphs(input: string): string {
  return input
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(CONTROLS, "")
    .split("\n")
    .map((line) => line.replace(/[^\S\n]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * A text field cleaned before it is checked, so the limits count what is
 * stored. Text that cleans down to nothing counts as not given.
 */
function cleanedText(clean: (s: string) => string, rules: { required: string; min?: [number, string]; max: [number, string] }): z.ZodPipeline<z.ZodEffects<z.ZodString, string, string>, z.ZodString>;
function cleanedText(clean: (s: string) => string, rules: { min?: [number, string]; max: [number, string] }): z.ZodOptional<z.ZodPipeline<z.ZodEffects<z.ZodString, string, string>, z.ZodOptional<z.ZodString>>>;
function cleanedText(clean: (s: string) => string, rules: { required?: string; min?: [number, string]; max: [number, string] }) {
  const given = rules.required ? { required_error: rules.required } : undefined;
  let checked = z.string(given).max(rules.max[0], rules.max[1]);
  if (rules.min) checked = checked.min(rules.min[0], rules.min[1]);
  const input = z.string(given).transform(clean);
  return rules.required ? input.pipe(checked) : input.pipe(checked.optional()).optional();
}

export const storeTranslationSchema = z.object({
  intent: z.literal("translation"),
  language: z.enum(LANGS, { errorMap: () => ({ message: "owner.errors.languageInvalid" }) }),
  name: cleanedText(singleLine, { required: "owner.errors.storeNameRequired", min: [2, "owner.errors.nameTooShort"], max: [STORE_NAME_MAX, "owner.errors.nameTooLong"] }),
  city: cleanedText(singleLine, { required: "owner.errors.cityRequired", min: [2, "owner.errors.cityRequired"], max: [CITY_MAX, "owner.errors.nameTooLong"] }),
  tagline: cleanedText(singleLine, { max: [TAGLINE_MAX, "owner.errors.taglineTooLong"] }),
  // Optional per language (the English story, or another language's, is shown
  // instead); the domain refuses a save that would leave the store with none.
  story: cleanedText(plainParagraphs, { min: [STORY_MIN, "owner.errors.storyTooShort"], max: [STORY_MAX, "owner.errors.storyTooLong"] }),
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
