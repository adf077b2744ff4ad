-- Custom SQL migration file, put your code below! --
-- The festival programme is on shared pages (the festival page, product pages): its writes move the content version, as the other shown tables do (0004).
CREATE TRIGGER "festival_sessions_insert_bumps_content" AFTER INSERT ON "festival_sessions" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "festival_sessions_delete_bumps_content" AFTER DELETE ON "festival_sessions" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "festival_sessions_update_bumps_content" AFTER UPDATE ON "festival_sessions" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "festival_session_translations_insert_bumps_content" AFTER INSERT ON "festival_session_translations" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "festival_session_translations_delete_bumps_content" AFTER DELETE ON "festival_session_translations" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "festival_session_translations_update_bumps_content" AFTER UPDATE ON "festival_session_translations" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "festival_session_products_insert_bumps_content" AFTER INSERT ON "festival_session_products" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "festival_session_products_delete_bumps_content" AFTER DELETE ON "festival_session_products" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "festival_session_products_update_bumps_content" AFTER UPDATE ON "festival_session_products" FOR EACH ROW EXECUTE FUNCTION bump_content_version();
