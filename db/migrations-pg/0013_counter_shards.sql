-- A counter may be spread over several rows (shard), summed on read; existing counters become shard 0.
ALTER TABLE "progress_counters" ADD COLUMN "shard" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "progress_counters" DROP CONSTRAINT "progress_counters_scope_scope_key_metric_pk";--> statement-breakpoint
ALTER TABLE "progress_counters" ADD CONSTRAINT "progress_counters_scope_scope_key_metric_shard_pk" PRIMARY KEY("scope","scope_key","metric","shard");
