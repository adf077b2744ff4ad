import { sql } from "drizzle-orm";
import { db, rows } from "~/db.server";

/**
 * 200 when the database answers; load balancers and `npm start` checks use it.
 * The body names the server process, so tests (and an operator) can see that
 * every process of a cluster answers.
 */
export async function loader() {
  try {
    await rows(db, sql`select 1`);
    return new Response(`ok ${process.pid}`, { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
  } catch {
    return new Response("database unavailable", { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
