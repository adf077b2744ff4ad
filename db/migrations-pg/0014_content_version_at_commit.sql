-- The content version moves when a transaction commits, not in the middle of it (PostgreSQL only;
-- SQLite runs one writing transaction at a time). Every trigger that bumps site_state.content_version
-- becomes a deferred constraint trigger: same table, events, columns and condition, but its function runs
-- at COMMIT. Before, the first low-stock product a checkout took also locked the one site_state row until
-- the transaction ended, so two checkouts of the same two products, taken in product order, could still
-- deadlock (one held product 2 and waited for site_state, the other held site_state and waited for
-- product 2). Now site_state is the last row any transaction locks, held only while it commits.
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN
    SELECT tg.oid, tg.tgname, tg.tgrelid::regclass AS tbl, pg_get_triggerdef(tg.oid) AS def
    FROM pg_trigger tg JOIN pg_proc p ON p.oid = tg.tgfoid
    WHERE p.proname = 'bump_content_version' AND NOT tg.tgisinternal AND tg.tgconstraint = 0
  LOOP
    EXECUTE format('DROP TRIGGER %I ON %s', t.tgname, t.tbl);
    EXECUTE replace(replace(t.def, 'CREATE TRIGGER ', 'CREATE CONSTRAINT TRIGGER '), ' FOR EACH ROW ', ' DEFERRABLE INITIALLY DEFERRED FOR EACH ROW ');
  END LOOP;
END
$$;
