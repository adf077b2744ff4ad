import { sql } from "drizzle-orm";
import { db } from "~/db.server";

/** 200 when the database answers; load balancers and `npm start` checks use it. */
export function loader() {
  try {
    db.get(sql`select 1`);
    return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
  } catch {
    return new Response("database unavailable", { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
