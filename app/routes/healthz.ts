import { sql } from "drizzle-orm";
import { db } from "~/db.server";

/**
 * 200 when the database answers; load balancers and `npm start` checks use it.
 * The body names the server process, so tests (and an operator) can see that
 * every process of a cluster answers.
 */
export function loader() {
  try {
    db.get(sql`select 1`);
    return new Response(`ok ${process.pid}`, { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
  } catch {
    return new Response("database unavailable", { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
