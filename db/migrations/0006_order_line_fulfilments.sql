CREATE TABLE `order_line_fulfilments` (
	`line_id` integer PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`carrier` text NOT NULL,
	`tracking_number` text NOT NULL,
	`shipped_at` integer NOT NULL,
	`delivered_at` integer,
	`updated_by` integer,
	FOREIGN KEY (`line_id`) REFERENCES `order_lines`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
