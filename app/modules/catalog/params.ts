import { z } from "zod";

/** URL filters for catalogue lists; a value that does not fit is ignored, never a 500. */
const filterSchema = z.object({
  category: z.string().regex(/^[a-z][a-z-]{1,40}$/).optional().catch(undefined),
  country: z.string().regex(/^[A-Z]{2}$/).optional().catch(undefined),
});

export function catalogFilters(url: URL): z.infer<typeof filterSchema> {
  return filterSchema.parse({
    category: url.searchParams.get("category") ?? undefined,
    country: url.searchParams.get("country")?.toUpperCase() ?? undefined,
  });
}
