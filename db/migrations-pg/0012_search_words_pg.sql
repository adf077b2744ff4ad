-- Search on PostgreSQL (docs/decisions/0037-search-on-postgresql.md), the counterpart of SQLite's FTS5 tables
-- (0001 trigram and CJK, 0011 words, 0018 category names), behind the same search module. It lives in a schema of
-- its own, "search", beside the app's tables (which db/schema.pg.ts declares and drizzle-kit writes).
-- search.documents: one row per (item, language), rid = item id * 16 + language index * 2 + kind (0 product,
-- 1 store), as SQLite's rowids:
--   words  the name (weight A), the category's name in that language (B: the product's category, the store's main
--          one) and the body (C), as tsvector 'simple' over folded text: lower case, unaccent (café = cafe),
--          Arabic harakat and tatweel removed and alef forms made one (search.fold), so a word matches as a word
--          in any of the six languages, with prefixes (:*) and weights (:AB, "in the name or category");
--   cjk    the Chinese characters of the name (A) and body, as single characters followed by their bigram
--          (咖 咖啡 啡), so a Chinese term is the phrase of its characters and bigrams, through the index;
--   plain  the folded text, for substrings (pg_trgm), the fallback for a word still being typed.
-- search.vocabulary: every word of three letters or more the index has held (a trigram index finds the near
-- ones of a typo). Words are never removed: a correction to a word no longer sold finds nothing and is not used.
-- Two transactions writing the same item's texts at once: the second's insert meets the first's rows once that
-- commits, and updates them (ON CONFLICT), rather than failing.
-- Statement-level triggers keep the documents in step with every write to the translations, to a product's or
-- store's category and to a category's names, in the writing transaction; a bulk insert is indexed in one go.
CREATE SCHEMA search;
--> statement-breakpoint
CREATE FUNCTION search.fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT lower(public.unaccent('public.unaccent'::regdictionary, translate(coalesce(t, ''), E'\u0622\u0623\u0625\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0670\u0640', E'\u0627\u0627\u0627')))
$$;
--> statement-breakpoint
CREATE FUNCTION search.cjk(t text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_tsvector('simple', coalesce(string_agg(c || CASE WHEN n ~ '[\u3400-\u9fff]' THEN ' ' || c || n ELSE '' END, ' ' ORDER BY i), ''))
  FROM (SELECT i, substr(t, i, 1) AS c, substr(t, i + 1, 1) AS n FROM generate_series(1, length(coalesce(t, ''))) AS i) AS x
  WHERE c ~ '[\u3400-\u9fff]'
$$;
--> statement-breakpoint
CREATE FUNCTION search.lang_index(lang text) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_position(ARRAY['en', 'zh', 'fr', 'ar', 'pt', 'sw'], lang), 0)
$$;
--> statement-breakpoint
CREATE TABLE search.documents (
  rid bigint PRIMARY KEY,
  item_id integer NOT NULL,
  kind smallint NOT NULL,
  lang text NOT NULL,
  words tsvector NOT NULL,
  cjk tsvector NOT NULL,
  plain text NOT NULL
);
--> statement-breakpoint
CREATE INDEX documents_item_idx ON search.documents (item_id, kind);
--> statement-breakpoint
CREATE INDEX documents_words_idx ON search.documents USING gin (words);
--> statement-breakpoint
CREATE INDEX documents_cjk_idx ON search.documents USING gin (cjk);
--> statement-breakpoint
CREATE INDEX documents_plain_idx ON search.documents USING gin (plain public.gin_trgm_ops);
--> statement-breakpoint
CREATE TABLE search.vocabulary (word text PRIMARY KEY);
--> statement-breakpoint
CREATE INDEX vocabulary_trgm_idx ON search.vocabulary USING gist (word public.gist_trgm_ops);
--> statement-breakpoint
-- The documents of these products (every language), written again from their translations.
CREATE FUNCTION search.put_products(ids integer[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM search.documents WHERE kind = 0 AND item_id = ANY(ids);
  WITH put AS (
    INSERT INTO search.documents (rid, item_id, kind, lang, words, cjk, plain)
    SELECT r.product_id::bigint * 16 + search.lang_index(r.lang) * 2, r.product_id, 0, r.lang,
      setweight(to_tsvector('simple', search.fold(r.name)), 'A')
        || setweight(to_tsvector('simple', search.fold(ct.name)), 'B')
        || setweight(to_tsvector('simple', search.fold(r.description || ' ' || r.origin_note)), 'C'),
      setweight(search.cjk(r.name), 'A') || search.cjk(r.description || ' ' || r.origin_note),
      search.fold(r.name || ' ' || r.description || ' ' || r.origin_note)
    FROM public.product_translations r
    JOIN public.products p ON p.id = r.product_id
    LEFT JOIN public.category_translations ct ON ct.category_id = p.category_id AND ct.lang = r.lang
    WHERE r.product_id = ANY(ids)
    ON CONFLICT (rid) DO UPDATE SET words = excluded.words, cjk = excluded.cjk, plain = excluded.plain
    RETURNING words
  )
  INSERT INTO search.vocabulary (word)
  SELECT DISTINCT w FROM put, unnest(tsvector_to_array(put.words)) AS w WHERE length(w) >= 3 AND w !~ '^[0-9]+$' ORDER BY w
  ON CONFLICT DO NOTHING;
$$;
--> statement-breakpoint
-- The documents of these stores (every language).
CREATE FUNCTION search.put_stores(ids integer[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM search.documents WHERE kind = 1 AND item_id = ANY(ids);
  WITH put AS (
    INSERT INTO search.documents (rid, item_id, kind, lang, words, cjk, plain)
    SELECT r.store_id::bigint * 16 + search.lang_index(r.lang) * 2 + 1, r.store_id, 1, r.lang,
      setweight(to_tsvector('simple', search.fold(r.name)), 'A')
        || setweight(to_tsvector('simple', search.fold(ct.name)), 'B')
        || setweight(to_tsvector('simple', search.fold(r.city || ' ' || r.tagline || ' ' || r.story)), 'C'),
      setweight(search.cjk(r.name), 'A') || search.cjk(r.city || ' ' || r.tagline || ' ' || r.story),
      search.fold(r.name || ' ' || r.city || ' ' || r.tagline || ' ' || r.story)
    FROM public.store_translations r
    JOIN public.stores s ON s.id = r.store_id
    LEFT JOIN public.category_translations ct ON ct.category_id = s.primary_category_id AND ct.lang = r.lang
    WHERE r.store_id = ANY(ids)
    ON CONFLICT (rid) DO UPDATE SET words = excluded.words, cjk = excluded.cjk, plain = excluded.plain
    RETURNING words
  )
  INSERT INTO search.vocabulary (word)
  SELECT DISTINCT w FROM put, unnest(tsvector_to_array(put.words)) AS w WHERE length(w) >= 3 AND w !~ '^[0-9]+$' ORDER BY w
  ON CONFLICT DO NOTHING;
$$;
--> statement-breakpoint
-- Every document written again (after a bulk load with the triggers off, or to repair).
CREATE FUNCTION search.rebuild() RETURNS void LANGUAGE sql AS $$
  TRUNCATE search.documents;
  SELECT search.put_products(ARRAY(SELECT id FROM public.products));
  SELECT search.put_stores(ARRAY(SELECT id FROM public.stores));
$$;
--> statement-breakpoint
CREATE FUNCTION search.product_translations_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM search.put_products(ARRAY(SELECT DISTINCT product_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM search.put_products(ARRAY(SELECT DISTINCT product_id FROM old_rows));
  ELSE
    PERFORM search.put_products(ARRAY(SELECT product_id FROM new_rows UNION SELECT product_id FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER product_translations_search_insert AFTER INSERT ON product_translations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search.product_translations_changed();
--> statement-breakpoint
CREATE TRIGGER product_translations_search_update AFTER UPDATE ON product_translations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search.product_translations_changed();
--> statement-breakpoint
CREATE TRIGGER product_translations_search_delete AFTER DELETE ON product_translations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search.product_translations_changed();
--> statement-breakpoint
CREATE FUNCTION search.store_translations_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM search.put_stores(ARRAY(SELECT DISTINCT store_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM search.put_stores(ARRAY(SELECT DISTINCT store_id FROM old_rows));
  ELSE
    PERFORM search.put_stores(ARRAY(SELECT store_id FROM new_rows UNION SELECT store_id FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER store_translations_search_insert AFTER INSERT ON store_translations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search.store_translations_changed();
--> statement-breakpoint
CREATE TRIGGER store_translations_search_update AFTER UPDATE ON store_translations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search.store_translations_changed();
--> statement-breakpoint
CREATE TRIGGER store_translations_search_delete AFTER DELETE ON store_translations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search.store_translations_changed();
--> statement-breakpoint
CREATE FUNCTION search.put_categories(ids integer[]) RETURNS void LANGUAGE sql AS $$
  SELECT search.put_products(ARRAY(SELECT id FROM public.products WHERE category_id = ANY(ids)));
  SELECT search.put_stores(ARRAY(SELECT id FROM public.stores WHERE primary_category_id = ANY(ids)));
$$;
--> statement-breakpoint
CREATE FUNCTION search.category_translations_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM search.put_categories(ARRAY(SELECT DISTINCT category_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM search.put_categories(ARRAY(SELECT DISTINCT category_id FROM old_rows));
  ELSE
    PERFORM search.put_categories(ARRAY(SELECT category_id FROM new_rows UNION SELECT category_id FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER category_translations_search_insert AFTER INSERT ON category_translations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search.category_translations_changed();
--> statement-breakpoint
CREATE TRIGGER category_translations_search_update AFTER UPDATE ON category_translations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search.category_translations_changed();
--> statement-breakpoint
CREATE TRIGGER category_translations_search_delete AFTER DELETE ON category_translations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search.category_translations_changed();
--> statement-breakpoint
CREATE FUNCTION search.product_category_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search.put_products(ARRAY[NEW.id]);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER products_search_category AFTER UPDATE OF category_id ON products FOR EACH ROW WHEN (OLD.category_id IS DISTINCT FROM NEW.category_id) EXECUTE FUNCTION search.product_category_changed();
--> statement-breakpoint
CREATE FUNCTION search.store_category_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search.put_stores(ARRAY[NEW.id]);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER stores_search_category AFTER UPDATE OF primary_category_id ON stores FOR EACH ROW WHEN (OLD.primary_category_id IS DISTINCT FROM NEW.primary_category_id) EXECUTE FUNCTION search.store_category_changed();
--> statement-breakpoint
SELECT search.rebuild();
