/**
 * The organiser's side of onboarding: every store with its status, and the
 * approve / suspend decision with a reason the owner then sees.
 * Callers check the organiser role first (requireOrganiser).
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, schema, transact } from "~/db.server";
import type { Lang } from "../i18n/config";

const { stores } = schema;

export async function storesForReview(lang: Lang, filter: "pending" | "live" | "suspended" | "all") {
  const t = alias(schema.storeTranslations, "t");
  const en = alias(schema.storeTranslations, "en");
  const rows = await db
    .select({
      slug: stores.slug,
      status: stores.status,
      statusReason: stores.statusReason,
      countryCode: stores.countryCode,
      name: sql<string>`coalesce(${t.name}, ${en.name}, ${stores.slug})`,
      city: sql<string>`coalesce(${t.city}, ${en.city}, '')`,
      story: sql<string>`coalesce(nullif(${t.story}, ''), ${en.story}, '')`,
      ownerName: schema.users.name,
      ownerEmail: schema.users.email,
      createdAt: stores.createdAt,
    })
    .from(stores)
    .leftJoin(en, and(eq(en.storeId, stores.id), eq(en.lang, "en")))
    .leftJoin(t, and(eq(t.storeId, stores.id), eq(t.lang, lang)))
    .leftJoin(schema.users, eq(schema.users.id, stores.ownerId))
    .where(filter === "all" ? undefined : eq(stores.status, filter))
    .orderBy(sql`case ${stores.status} when 'pending' then 0 when 'suspended' then 1 else 2 end`, asc(stores.id))
    .limit(200);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.getTime() }));
}

export function decideStore(organiserId: number, slug: string, decision: "approve" | "suspend", reason: string | undefined, now = Date.now()): Promise<boolean> {
  return transact(db, async (tx) => {
    const status = decision === "approve" ? "live" : "suspended";
    const changed = await tx
      .update(stores)
      .set({ status, statusReason: reason?.trim() || null, updatedAt: new Date(now) })
      .where(eq(stores.slug, slug))
      .returning({ id: stores.id });
    if (changed.length !== 1) return false;
    await tx
      .insert(schema.auditLog)
      .values({ userId: organiserId, action: `store.${decision}`, subjectType: "store", subjectId: slug, detail: { reason: reason ?? null }, createdAt: new Date(now) });
    return true;
  });
}
