CREATE TABLE "festival_subsidy_totals" (
	"festival_id" integer PRIMARY KEY NOT NULL,
	"paid_minor" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "festival_deals" ADD COLUMN "organiser_share_pct" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "festival_deals" ADD COLUMN "funded_discount_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "festivals" ADD COLUMN "subsidy_budget_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "discount_per_unit_base_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "subsidy_base_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "festival_subsidy_totals" ADD CONSTRAINT "festival_subsidy_totals_festival_id_festivals_id_fk" FOREIGN KEY ("festival_id") REFERENCES "public"."festivals"("id") ON DELETE cascade ON UPDATE no action;