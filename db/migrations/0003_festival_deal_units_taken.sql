-- drizzle-kit wrote this change as a table rebuild (new table, copy, DROP, rename) to add the CHECK. Replaced
-- by an in-place ADD COLUMN with the same constraint (the snapshot beside it is drizzle-kit's, unchanged): the
-- migrator runs every migration inside BEGIN … COMMIT, where `PRAGMA foreign_keys=OFF` does nothing, so the
-- DROP would have set every order_lines.deal_id to NULL (ON DELETE SET NULL); and the generated copy read the
-- new column from the old table, which has none.
ALTER TABLE `festival_deals` ADD `units_taken` integer DEFAULT 0 NOT NULL CONSTRAINT "festival_deals_units_taken_nonnegative" CHECK("units_taken" >= 0);--> statement-breakpoint
-- Deal units already held by pending orders or sold in paid ones count as taken.
UPDATE `festival_deals` SET `units_taken` = (
	SELECT coalesce(sum(l.`quantity`), 0) FROM `order_lines` l JOIN `orders` o ON o.`id` = l.`order_id`
	WHERE l.`deal_id` = `festival_deals`.`id` AND o.`status` IN ('pending', 'paid')
);
