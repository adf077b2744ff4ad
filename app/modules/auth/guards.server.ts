/**
 * Guards: the first line of every protected loader or action.
 *   const user = await requireUser(request);
 *   const organiser = await requireOrganiser(request);
 *   const { user, store } = await requireStoreOwner(request, storeSlug);
 * Not signed in → redirect to sign-in with a return path; wrong role → 403;
 * a store that is not the user's → 404 (found through the owner, so another
 * owner's store is indistinguishable from one that does not exist).
 */
import { data, redirect } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { localizePath, splitLangPath } from "../i18n/config";
import { tFor } from "../i18n/i18n.server";
import { getSessionUser, type SessionUser } from "./session.server";

export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  return getSessionUser(request);
}

export function loginPathFor(request: Request): string {
  const url = new URL(request.url);
  const { lang } = splitLangPath(url.pathname);
  const back = `${url.pathname}${url.search}`;
  return `${localizePath("/login", lang)}?redirectTo=${encodeURIComponent(back)}`;
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) throw redirect(loginPathFor(request));
  return user;
}

function forbidden(request: Request) {
  const { lang } = splitLangPath(new URL(request.url).pathname);
  const t = tFor(lang);
  return data({ title: `${t("auth.forbidden.title")} · ${t("site.name")}` }, { status: 403 });
}

export async function requireOrganiser(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (user.role !== "organiser") throw forbidden(request);
  return user;
}

export async function requireOwner(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (user.role !== "owner") throw forbidden(request);
  return user;
}

/** The store with this slug, only if the signed-in user owns it. */
export async function requireStoreOwner(request: Request, storeSlug: string) {
  const user = await requireOwner(request);
  const [store] = await db
    .select()
    .from(schema.stores)
    .where(and(eq(schema.stores.slug, storeSlug), eq(schema.stores.ownerId, user.id)))
    .limit(1);
  if (!store) {
    const { lang } = splitLangPath(new URL(request.url).pathname);
    const t = tFor(lang);
    throw data({ title: `${t("notFound.title")} · ${t("site.name")}` }, { status: 404 });
  }
  return { user, store };
}

/** What a request came from, for rate limits and the audit log. */
export function requestMeta(request: Request, context: { ip?: string } | undefined) {
  return { ip: context?.ip ?? "unknown", userAgent: request.headers.get("User-Agent") };
}
