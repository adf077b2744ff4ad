DROP INDEX "products_store_idx";--> statement-breakpoint
CREATE INDEX "products_store_idx" ON "products" USING btree ("store_id","status","created_at");