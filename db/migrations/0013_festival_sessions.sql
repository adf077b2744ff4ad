CREATE TABLE `festival_session_products` (
	`session_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`session_id`, `product_id`),
	FOREIGN KEY (`session_id`) REFERENCES `festival_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `festival_session_products_product_idx` ON `festival_session_products` (`product_id`);--> statement-breakpoint
CREATE TABLE `festival_session_translations` (
	`session_id` integer NOT NULL,
	`lang` text NOT NULL,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`session_id`, `lang`),
	FOREIGN KEY (`session_id`) REFERENCES `festival_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `festival_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`festival_id` integer NOT NULL,
	`kind` text NOT NULL,
	`channel` text NOT NULL,
	`host_store_id` integer,
	`speaker_name` text,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`watch_url` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`reason` text,
	`proposed_by` integer,
	`decided_by` integer,
	`decided_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`festival_id`) REFERENCES `festivals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`host_store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`proposed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "festival_sessions_ends_after_start" CHECK("festival_sessions"."ends_at" > "festival_sessions"."starts_at"),
	CONSTRAINT "festival_sessions_one_host" CHECK(("festival_sessions"."host_store_id" IS NULL) <> ("festival_sessions"."speaker_name" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `festival_sessions_festival_idx` ON `festival_sessions` (`festival_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `festival_sessions_window_idx` ON `festival_sessions` (`starts_at`,`ends_at`);