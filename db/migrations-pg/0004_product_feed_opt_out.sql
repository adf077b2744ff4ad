ALTER TABLE "carts" ADD COLUMN "source" text;--> statement-breakpoint
ALTER TABLE "carts" ADD COLUMN "medium" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "source" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "medium" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "feed_opt_out" boolean DEFAULT false NOT NULL;