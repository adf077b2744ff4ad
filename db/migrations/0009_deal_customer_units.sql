CREATE TABLE `festival_deal_customers` (
	`deal_id` integer NOT NULL,
	`email` text NOT NULL,
	`units` integer NOT NULL,
	PRIMARY KEY(`deal_id`, `email`),
	FOREIGN KEY (`deal_id`) REFERENCES `festival_deals`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "festival_deal_customers_units_nonnegative" CHECK("festival_deal_customers"."units" >= 0)
);

--> statement-breakpoint
-- What each shopper already holds at a deal's price (pending and paid orders) counts against their limit.
INSERT INTO `festival_deal_customers` (`deal_id`, `email`, `units`)
	SELECT l.`deal_id`, o.`email`, sum(l.`quantity`) FROM `order_lines` l JOIN `orders` o ON o.`id` = l.`order_id`
	WHERE l.`deal_id` IS NOT NULL AND o.`status` IN ('pending', 'paid')
	GROUP BY l.`deal_id`, o.`email`;
