-- SQLite's 0011_search_words adds an FTS5 word index (docs/decisions/0029-search-relevance.md).
-- Its PostgreSQL counterpart (tsvector columns beside pg_trgm) comes with search on PostgreSQL (issue #15).
SELECT 1;
