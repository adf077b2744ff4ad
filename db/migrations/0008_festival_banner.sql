ALTER TABLE `festivals` ADD `banner_url` text;--> statement-breakpoint
ALTER TABLE `festivals` ADD `banner_width` integer;--> statement-breakpoint
ALTER TABLE `festivals` ADD `banner_height` integer;