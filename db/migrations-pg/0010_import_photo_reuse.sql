ALTER TABLE "product_images" ADD COLUMN "source_sha256" text;--> statement-breakpoint
ALTER TABLE "product_imports" ADD COLUMN "encodings" "bytea";--> statement-breakpoint
CREATE INDEX "product_images_source_idx" ON "product_images" USING btree ("source_sha256");