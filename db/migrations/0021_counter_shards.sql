-- A counter may be spread over several rows (shard), summed on read; existing counters become shard 0.
-- progress_counters has no foreign keys either way, so the rebuild needs no PRAGMA foreign_keys.
CREATE TABLE `__new_progress_counters` (
	`scope` text NOT NULL,
	`scope_key` text NOT NULL,
	`metric` text NOT NULL,
	`shard` integer DEFAULT 0 NOT NULL,
	`value` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`scope`, `scope_key`, `metric`, `shard`)
);
--> statement-breakpoint
INSERT INTO `__new_progress_counters`("scope", "scope_key", "metric", "shard", "value", "updated_at") SELECT "scope", "scope_key", "metric", 0, "value", "updated_at" FROM `progress_counters`;--> statement-breakpoint
DROP TABLE `progress_counters`;--> statement-breakpoint
ALTER TABLE `__new_progress_counters` RENAME TO `progress_counters`;
