CREATE TABLE `order_shipments` (
	`order_id` integer NOT NULL,
	`store_id` integer NOT NULL,
	`zone` text NOT NULL,
	`cost_base_minor` integer NOT NULL,
	`cost_minor` integer NOT NULL,
	`min_days` integer NOT NULL,
	`max_days` integer NOT NULL,
	PRIMARY KEY(`order_id`, `store_id`),
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `store_shipping_rates` (
	`store_id` integer NOT NULL,
	`zone` text NOT NULL,
	`cost_base_minor` integer NOT NULL,
	`min_days` integer NOT NULL,
	`max_days` integer NOT NULL,
	PRIMARY KEY(`store_id`, `zone`),
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "store_shipping_rates_cost" CHECK("store_shipping_rates"."cost_base_minor" >= 0),
	CONSTRAINT "store_shipping_rates_days" CHECK("store_shipping_rates"."min_days" >= 0 AND "store_shipping_rates"."max_days" >= "store_shipping_rates"."min_days")
);
--> statement-breakpoint
ALTER TABLE `orders` ADD `shipping_minor` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `shipping_base_minor` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Product pages show each store's shipping: a change to its rates moves content_version like any catalogue change (see 0004).
CREATE TRIGGER `store_shipping_rates_insert_bumps_content` AFTER INSERT ON `store_shipping_rates` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `store_shipping_rates_delete_bumps_content` AFTER DELETE ON `store_shipping_rates` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `store_shipping_rates_update_bumps_content` AFTER UPDATE ON `store_shipping_rates` BEGIN UPDATE `site_state` SET `content_version` = `content_version` + 1 WHERE `id` = 1; END;
