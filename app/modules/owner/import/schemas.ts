/**
 * The import page's two forms (Conform + zod, used by the browser and the
 * action): the upload for a dry run, and the confirmation of a dry run.
 * Messages are i18n keys.
 */
import { z } from "zod";
import { MAX_TABLE_BYTES, MAX_ZIP_BYTES } from "./columns";

export const importUploadSchema = z.object({
  intent: z.literal("dryRun"),
  file: z
    .instanceof(File, { message: "owner.import.errors.fileRequired" })
    .refine((f) => f.size > 0, "owner.import.errors.fileRequired")
    .refine((f) => f.size <= MAX_TABLE_BYTES, "owner.import.errors.fileTooBig"),
  photos: z
    .instanceof(File, { message: "owner.import.errors.zipType" })
    .refine((f) => f.size <= MAX_ZIP_BYTES, "owner.import.errors.zipFileTooBig")
    .optional(),
  publish: z.boolean().optional(),
});

export const importConfirmSchema = z.object({
  intent: z.literal("confirm"),
  draft: z.string().regex(/^[a-f0-9]{32}$/),
  digest: z.string().regex(/^[a-f0-9]{64}$/),
});
