ALTER TABLE `festival_deals` ADD `decided_by` integer REFERENCES users(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `festival_deals` ADD `decided_at` integer;--> statement-breakpoint
ALTER TABLE `products` ADD `published_at` integer;--> statement-breakpoint
ALTER TABLE `site_state` ADD `campaign_starts_at` integer;--> statement-breakpoint
ALTER TABLE `site_state` ADD `campaign_ends_at` integer;--> statement-breakpoint
ALTER TABLE `stores` ADD `live_since` integer;--> statement-breakpoint
-- The campaign tracker's daily series counts stores by when they went live and products by when they
-- were published. Triggers keep both dates, so no write path (the organiser's decision, an owner's edit,
-- an import, the seed) can forget them. "Now" is the app's clock: the wall clock plus the test clock's
-- offset, which is 0 outside tests (app/modules/clock/now.server.ts). An insert that gives a date keeps it
-- (the seed writes a plausible history); one that does not gets its created_at.
UPDATE `stores` SET `live_since` = `created_at` WHERE `status` = 'live';--> statement-breakpoint
UPDATE `products` SET `published_at` = `created_at` WHERE `status` = 'active';--> statement-breakpoint
CREATE TRIGGER `stores_insert_live_since` AFTER INSERT ON `stores` WHEN NEW.`status` = 'live' AND NEW.`live_since` IS NULL BEGIN UPDATE `stores` SET `live_since` = NEW.`created_at` WHERE `id` = NEW.`id`; END;--> statement-breakpoint
CREATE TRIGGER `stores_status_live_since` AFTER UPDATE OF `status` ON `stores` WHEN NEW.`status` IS NOT OLD.`status` BEGIN UPDATE `stores` SET `live_since` = CASE WHEN NEW.`status` = 'live' THEN CAST(unixepoch('subsec') * 1000 AS INTEGER) + (SELECT `clock_offset_ms` FROM `site_state` WHERE `id` = 1) ELSE NULL END WHERE `id` = NEW.`id`; END;--> statement-breakpoint
CREATE TRIGGER `products_insert_published_at` AFTER INSERT ON `products` WHEN NEW.`status` = 'active' AND NEW.`published_at` IS NULL BEGIN UPDATE `products` SET `published_at` = NEW.`created_at` WHERE `id` = NEW.`id`; END;--> statement-breakpoint
CREATE TRIGGER `products_status_published_at` AFTER UPDATE OF `status` ON `products` WHEN NEW.`status` IS NOT OLD.`status` BEGIN UPDATE `products` SET `published_at` = CASE WHEN NEW.`status` = 'active' THEN CAST(unixepoch('subsec') * 1000 AS INTEGER) + (SELECT `clock_offset_ms` FROM `site_state` WHERE `id` = 1) ELSE NULL END WHERE `id` = NEW.`id`; END;
