CREATE TABLE `site_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`content_version` integer DEFAULT 0 NOT NULL,
	`clock_offset_ms` integer DEFAULT 0 NOT NULL,
	CONSTRAINT "site_state_one_row" CHECK("site_state"."id" = 1)
);
--> statement-breakpoint
-- The one row every server process reads (see db/schema.ts siteState).
INSERT INTO `site_state` (`id`, `content_version`, `clock_offset_ms`) VALUES (1, 0, 0);--> statement-breakpoint
-- Shared pages are cached by every server process until content_version moves. These triggers move it
-- whenever a row that a shared page shows is written, so no write path can forget to. Two hot columns are
-- exceptions, since an order writes them: products.stock bumps only where a page's words change (the
-- "only N left" label below LOW_STOCK = 5 in app/modules/catalog/present.server.ts, and sold out), and
-- festival_deals.units_taken only when a deal sells out or comes back; otherwise their counts on cached
-- pages are at most one page lifetime old (app/modules/http/shared-pages.ts).
CREATE TRIGGER `categories_insert_bumps_content` AFTER INSERT ON `categories` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `categories_delete_bumps_content` AFTER DELETE ON `categories` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `categories_update_bumps_content` AFTER UPDATE ON `categories` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `category_translations_insert_bumps_content` AFTER INSERT ON `category_translations` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `category_translations_delete_bumps_content` AFTER DELETE ON `category_translations` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `category_translations_update_bumps_content` AFTER UPDATE ON `category_translations` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `stores_insert_bumps_content` AFTER INSERT ON `stores` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `stores_delete_bumps_content` AFTER DELETE ON `stores` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `stores_update_bumps_content` AFTER UPDATE ON `stores` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `store_translations_insert_bumps_content` AFTER INSERT ON `store_translations` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `store_translations_delete_bumps_content` AFTER DELETE ON `store_translations` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `store_translations_update_bumps_content` AFTER UPDATE ON `store_translations` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `products_insert_bumps_content` AFTER INSERT ON `products` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `products_delete_bumps_content` AFTER DELETE ON `products` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `products_update_bumps_content` AFTER UPDATE OF store_id, category_id, slug, price_minor, currency, status, created_at, updated_at ON `products` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `products_stock_bumps_content` AFTER UPDATE OF stock ON `products` WHEN OLD.`stock` <> NEW.`stock` AND (OLD.`stock` <= 5 OR NEW.`stock` <= 5) BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `product_translations_insert_bumps_content` AFTER INSERT ON `product_translations` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `product_translations_delete_bumps_content` AFTER DELETE ON `product_translations` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `product_translations_update_bumps_content` AFTER UPDATE ON `product_translations` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `product_images_insert_bumps_content` AFTER INSERT ON `product_images` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `product_images_delete_bumps_content` AFTER DELETE ON `product_images` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `product_images_update_bumps_content` AFTER UPDATE ON `product_images` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `exchange_rates_insert_bumps_content` AFTER INSERT ON `exchange_rates` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `exchange_rates_delete_bumps_content` AFTER DELETE ON `exchange_rates` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `exchange_rates_update_bumps_content` AFTER UPDATE ON `exchange_rates` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `festivals_insert_bumps_content` AFTER INSERT ON `festivals` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `festivals_delete_bumps_content` AFTER DELETE ON `festivals` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `festivals_update_bumps_content` AFTER UPDATE ON `festivals` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `festival_translations_insert_bumps_content` AFTER INSERT ON `festival_translations` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `festival_translations_delete_bumps_content` AFTER DELETE ON `festival_translations` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `festival_translations_update_bumps_content` AFTER UPDATE ON `festival_translations` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `festival_phases_insert_bumps_content` AFTER INSERT ON `festival_phases` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `festival_phases_delete_bumps_content` AFTER DELETE ON `festival_phases` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `festival_phases_update_bumps_content` AFTER UPDATE ON `festival_phases` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `festival_enrolments_insert_bumps_content` AFTER INSERT ON `festival_enrolments` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `festival_enrolments_delete_bumps_content` AFTER DELETE ON `festival_enrolments` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `festival_enrolments_update_bumps_content` AFTER UPDATE ON `festival_enrolments` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `festival_deals_insert_bumps_content` AFTER INSERT ON `festival_deals` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `festival_deals_delete_bumps_content` AFTER DELETE ON `festival_deals` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `festival_deals_update_bumps_content` AFTER UPDATE OF enrolment_id, product_id, deal_price_minor, committed_stock, per_customer_limit, flash_starts_at, flash_ends_at, status, reason, created_at ON `festival_deals` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `festival_deals_units_taken_bumps_content` AFTER UPDATE OF units_taken ON `festival_deals` WHEN (OLD.`units_taken` >= OLD.`committed_stock`) <> (NEW.`units_taken` >= NEW.`committed_stock`) BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;
