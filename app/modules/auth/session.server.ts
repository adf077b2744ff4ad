/**
 * Sessions live in the database; the browser holds only a signed cookie with
 * a random token. The table stores the token's SHA-256, so a leaked database
 * does not hand out live sessions. A session ends at sign-out, on password
 * change (the others), or after SESSION_IDLE_HOURS without use.
 */
import { createHash, randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { and, eq, lte, ne, or } from "drizzle-orm";
import { db, schema, transact, type Tx } from "~/db.server";
import { env, secureCookies, sessionSecrets } from "~/env.server";

export const SESSION_COOKIE = "srs_session";
const ABSOLUTE_MAX_MS = 30 * 24 * 3600 * 1000;
/** Refresh last-seen at most this often, so reads do not write on every request. */
const TOUCH_EVERY_MS = 60 * 1000;

let cookie: ReturnType<typeof createCookie> | null = null;
function sessionCookie() {
  cookie ??= createCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: secureCookies(),
    // The first signs; a cookie signed with any of them is accepted (rotation, see SESSION_SECRET).
    secrets: sessionSecrets(),
  });
  return cookie;
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const idleMs = () => env().SESSION_IDLE_HOURS * 3600 * 1000;

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: "owner" | "organiser";
  preferredLang: string;
  sessionId: string;
}

/** Starts a fresh session (never reusing one, so no fixation) and returns its Set-Cookie. */
export async function createSession(tx: Tx, userId: number, meta: { ip?: string; userAgent?: string | null }, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.insert(schema.sessions)
    .values({
      id: hashToken(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + ABSOLUTE_MAX_MS),
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
  return sessionCookie().serialize(token, { maxAge: ABSOLUTE_MAX_MS / 1000 });
}

async function tokenFrom(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 20 ? value : null;
}

/** The signed-in user, or null; expired sessions are deleted on sight. */
export async function getSessionUser(request: Request, now = new Date()): Promise<SessionUser | null> {
  const token = await tokenFrom(request);
  if (!token) return null;
  const id = hashToken(token);
  const [row] = await db
    .select({ session: schema.sessions, user: schema.users })
    .from(schema.sessions)
    .innerJoin(schema.users, eq(schema.users.id, schema.sessions.userId))
    .where(eq(schema.sessions.id, id))
    .limit(1);
  if (!row) return null;
  const t = now.getTime();
  if (row.session.expiresAt.getTime() <= t || row.session.lastSeenAt.getTime() + idleMs() <= t) {
    await transact(db, (tx) => tx.delete(schema.sessions).where(eq(schema.sessions.id, id)));
    return null;
  }
  if (t - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await transact(db, (tx) => tx.update(schema.sessions).set({ lastSeenAt: now }).where(eq(schema.sessions.id, id)));
  }
  const { user } = row;
  return { id: user.id, email: user.email, name: user.name, role: user.role, preferredLang: user.preferredLang, sessionId: id };
}

/** Ends this request's session and returns the Set-Cookie that clears it. */
export async function destroySession(tx: Tx, request: Request): Promise<string> {
  const token = await tokenFrom(request);
  if (token) await tx.delete(schema.sessions).where(eq(schema.sessions.id, hashToken(token)));
  return sessionCookie().serialize("", { maxAge: 0 });
}

/** Ends every session of a user except `keepSessionId`. */
export async function endOtherSessions(tx: Tx, userId: number, keepSessionId: string): Promise<void> {
  await tx.delete(schema.sessions).where(and(eq(schema.sessions.userId, userId), ne(schema.sessions.id, keepSessionId)));
}

/** Deletes sessions past their absolute end or idle too long: the rows getSessionUser would refuse. */
export async function purgeExpiredSessions(tx: Tx, now = new Date()): Promise<number> {
  const purged = await tx
    .delete(schema.sessions)
    .where(or(lte(schema.sessions.expiresAt, now), lte(schema.sessions.lastSeenAt, new Date(now.getTime() - idleMs()))))
    .returning({ id: schema.sessions.id });
  return purged.length;
}

/** Whether the request carries a session cookie at all (used to keep such pages out of shared caches). */
export function hasSessionCookie(request: Request): boolean {
  return (request.headers.get("Cookie") ?? "").includes(`${SESSION_COOKIE}=`);
}
