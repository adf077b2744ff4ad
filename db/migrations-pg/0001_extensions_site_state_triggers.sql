-- What the SQLite migrations do beyond tables (written by hand; drizzle-kit writes tables only).
-- Search (docs/decisions/0005-search.md) on PostgreSQL uses trigram indexes over unaccented text.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
-- The one row every server process reads (SQLite: migration 0004).
INSERT INTO "site_state" ("id", "content_version", "clock_offset_ms") VALUES (1, 0, 0);--> statement-breakpoint
-- Shared pages are cached until content_version moves: these triggers move it whenever a row a shared
-- page shows is written, with the same exceptions for the two hot columns an order writes (SQLite:
-- migrations 0004 and 0005, which explain them).
CREATE FUNCTION "bump_content_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "site_state" SET "content_version" = "content_version" + 1 WHERE "id" = 1;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "categories_insert_bumps_content" AFTER INSERT ON "categories" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "categories_delete_bumps_content" AFTER DELETE ON "categories" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "categories_update_bumps_content" AFTER UPDATE ON "categories" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "category_translations_insert_bumps_content" AFTER INSERT ON "category_translations" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "category_translations_delete_bumps_content" AFTER DELETE ON "category_translations" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "category_translations_update_bumps_content" AFTER UPDATE ON "category_translations" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "stores_insert_bumps_content" AFTER INSERT ON "stores" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "stores_delete_bumps_content" AFTER DELETE ON "stores" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "stores_update_bumps_content" AFTER UPDATE ON "stores" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "store_translations_insert_bumps_content" AFTER INSERT ON "store_translations" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "store_translations_delete_bumps_content" AFTER DELETE ON "store_translations" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "store_translations_update_bumps_content" AFTER UPDATE ON "store_translations" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "products_insert_bumps_content" AFTER INSERT ON "products" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "products_delete_bumps_content" AFTER DELETE ON "products" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "products_update_bumps_content" AFTER UPDATE OF store_id, category_id, slug, price_minor, currency, status, created_at, updated_at ON "products" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "products_stock_bumps_content" AFTER UPDATE OF stock ON "products" FOR EACH ROW WHEN (OLD."stock" <> NEW."stock" AND (OLD."stock" <= 5 OR NEW."stock" <= 5)) EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "product_translations_insert_bumps_content" AFTER INSERT ON "product_translations" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "product_translations_delete_bumps_content" AFTER DELETE ON "product_translations" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "product_translations_update_bumps_content" AFTER UPDATE ON "product_translations" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "product_images_insert_bumps_content" AFTER INSERT ON "product_images" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "product_images_delete_bumps_content" AFTER DELETE ON "product_images" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "product_images_update_bumps_content" AFTER UPDATE ON "product_images" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "exchange_rates_insert_bumps_content" AFTER INSERT ON "exchange_rates" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "exchange_rates_delete_bumps_content" AFTER DELETE ON "exchange_rates" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "exchange_rates_update_bumps_content" AFTER UPDATE ON "exchange_rates" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "festivals_insert_bumps_content" AFTER INSERT ON "festivals" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "festivals_delete_bumps_content" AFTER DELETE ON "festivals" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "festivals_update_bumps_content" AFTER UPDATE ON "festivals" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "festival_translations_insert_bumps_content" AFTER INSERT ON "festival_translations" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "festival_translations_delete_bumps_content" AFTER DELETE ON "festival_translations" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "festival_translations_update_bumps_content" AFTER UPDATE ON "festival_translations" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "festival_phases_insert_bumps_content" AFTER INSERT ON "festival_phases" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "festival_phases_delete_bumps_content" AFTER DELETE ON "festival_phases" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "festival_phases_update_bumps_content" AFTER UPDATE ON "festival_phases" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "festival_enrolments_insert_bumps_content" AFTER INSERT ON "festival_enrolments" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "festival_enrolments_delete_bumps_content" AFTER DELETE ON "festival_enrolments" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "festival_enrolments_update_bumps_content" AFTER UPDATE ON "festival_enrolments" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "festival_deals_insert_bumps_content" AFTER INSERT ON "festival_deals" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "festival_deals_delete_bumps_content" AFTER DELETE ON "festival_deals" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "festival_deals_update_bumps_content" AFTER UPDATE OF enrolment_id, product_id, deal_price_minor, committed_stock, per_customer_limit, flash_starts_at, flash_ends_at, status, reason, created_at ON "festival_deals" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "festival_deals_units_taken_bumps_content" AFTER UPDATE OF units_taken ON "festival_deals" FOR EACH ROW WHEN ((OLD."units_taken" >= OLD."committed_stock") <> (NEW."units_taken" >= NEW."committed_stock")) EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "store_shipping_rates_insert_bumps_content" AFTER INSERT ON "store_shipping_rates" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "store_shipping_rates_delete_bumps_content" AFTER DELETE ON "store_shipping_rates" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "store_shipping_rates_update_bumps_content" AFTER UPDATE ON "store_shipping_rates" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
-- The campaign tracker's dates (SQLite: migration 0007): a store's live_since and a product's published_at
-- are set when it goes live or is published, from the app's clock (the statement's time plus the test
-- clock's offset); an insert that gives a date keeps it, one that does not gets its created_at.
CREATE FUNCTION "app_clock"() RETURNS timestamptz LANGUAGE sql STABLE AS $$
  SELECT statement_timestamp() + make_interval(secs => coalesce((SELECT "clock_offset_ms" FROM "site_state" WHERE "id" = 1), 0) / 1000.0)
$$;--> statement-breakpoint
CREATE FUNCTION "stores_live_since"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW."status" = 'live' AND NEW."live_since" IS NULL THEN NEW."live_since" := NEW."created_at"; END IF;
  ELSE
    NEW."live_since" := CASE WHEN NEW."status" = 'live' THEN "app_clock"() ELSE NULL END;
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "stores_insert_live_since" BEFORE INSERT ON "stores" FOR EACH ROW EXECUTE FUNCTION "stores_live_since"();--> statement-breakpoint
CREATE TRIGGER "stores_status_live_since" BEFORE UPDATE OF "status" ON "stores" FOR EACH ROW WHEN (NEW."status" IS DISTINCT FROM OLD."status") EXECUTE FUNCTION "stores_live_since"();--> statement-breakpoint
CREATE FUNCTION "products_published_at"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW."status" = 'active' AND NEW."published_at" IS NULL THEN NEW."published_at" := NEW."created_at"; END IF;
  ELSE
    NEW."published_at" := CASE WHEN NEW."status" = 'active' THEN "app_clock"() ELSE NULL END;
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "products_insert_published_at" BEFORE INSERT ON "products" FOR EACH ROW EXECUTE FUNCTION "products_published_at"();--> statement-breakpoint
CREATE TRIGGER "products_status_published_at" BEFORE UPDATE OF "status" ON "products" FOR EACH ROW WHEN (NEW."status" IS DISTINCT FROM OLD."status") EXECUTE FUNCTION "products_published_at"();
