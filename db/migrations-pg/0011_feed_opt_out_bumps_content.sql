-- Custom SQL migration file, put your code below! --
-- The product feeds are kept per content version (app/modules/feeds/feed-cache.server.ts): an owner keeping a product
-- out of the feeds (or putting it back) must move it too, as the other shown columns of products do (0001).
DROP TRIGGER IF EXISTS "products_update_bumps_content" ON "products";
--> statement-breakpoint
CREATE TRIGGER "products_update_bumps_content" AFTER UPDATE OF store_id, category_id, slug, price_minor, currency, status, feed_opt_out, created_at, updated_at ON "products" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
