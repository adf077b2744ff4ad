ALTER TABLE `product_images` ADD `source_sha256` text;--> statement-breakpoint
CREATE INDEX `product_images_source_idx` ON `product_images` (`source_sha256`);--> statement-breakpoint
ALTER TABLE `product_imports` ADD `encodings` blob;