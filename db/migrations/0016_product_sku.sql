CREATE TABLE `product_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`store_id` integer NOT NULL,
	`user_id` integer,
	`digest` text NOT NULL,
	`file_name` text NOT NULL,
	`table_bytes` blob NOT NULL,
	`zip_bytes` blob,
	`publish` integer DEFAULT false NOT NULL,
	`result` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `product_imports_store_idx` ON `product_imports` (`store_id`);--> statement-breakpoint
CREATE INDEX `product_imports_expires_idx` ON `product_imports` (`expires_at`);--> statement-breakpoint
ALTER TABLE `products` ADD `sku` text;--> statement-breakpoint
CREATE UNIQUE INDEX `products_store_sku_unique` ON `products` (`store_id`,`sku`);