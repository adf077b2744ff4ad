CREATE TABLE `uploaded_files` (
	`key` text PRIMARY KEY NOT NULL,
	`content_type` text NOT NULL,
	`bytes` blob NOT NULL,
	`byte_length` integer NOT NULL,
	`created_at` integer NOT NULL
);
