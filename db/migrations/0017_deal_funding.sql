CREATE TABLE `festival_subsidy_totals` (
	`festival_id` integer PRIMARY KEY NOT NULL,
	`paid_minor` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`festival_id`) REFERENCES `festivals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `festival_deals` ADD `organiser_share_pct` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `festival_deals` ADD `funded_discount_minor` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `festivals` ADD `subsidy_budget_minor` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `order_lines` ADD `discount_per_unit_base_minor` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `order_lines` ADD `subsidy_base_minor` integer DEFAULT 0 NOT NULL;