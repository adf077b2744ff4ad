DROP INDEX `orders_status_expires_idx`;--> statement-breakpoint
DROP INDEX `orders_paid_idx`;--> statement-breakpoint
CREATE INDEX `orders_pending_expires_idx` ON `orders` (`expires_at`) WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX `orders_paid_idx` ON `orders` (`paid_at`) WHERE paid_at IS NOT NULL;--> statement-breakpoint
DROP INDEX `order_lines_festival_idx`;--> statement-breakpoint
CREATE INDEX `order_lines_festival_idx` ON `order_lines` (`festival_id`) WHERE festival_id IS NOT NULL;