ALTER TABLE `carts` ADD `source` text;--> statement-breakpoint
ALTER TABLE `carts` ADD `medium` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `source` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `medium` text;--> statement-breakpoint
ALTER TABLE `products` ADD `feed_opt_out` integer DEFAULT false NOT NULL;