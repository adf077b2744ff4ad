/**
 * Sign-up, sign-in and password change. Unknown email and wrong password
 * give the same answer and take the same kind of time (a hash is always
 * verified), so the form does not tell which emails have accounts.
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { db, schema, transact } from "~/db.server";
import type { Lang } from "../i18n/config";
import { audit } from "./audit.server";
import { hashPassword, verifyPassword } from "./password.server";
import { LIMITS, release, reserve } from "./rate-limit.server";
import { createSession, endOtherSessions, type SessionUser } from "./session.server";

// Verified against when the email is unknown, so both paths cost one Argon2 verification.
const dummyHash = hashPassword(randomBytes(16).toString("hex"));

export interface RequestMeta {
  ip: string;
  userAgent: string | null;
}

export type SignInResult = { ok: true; setCookie: string; user: { id: number; role: string; preferredLang: string } } | { ok: false };

/**
 * Throws RateLimitedError when this IP or account has failed too often. The
 * attempt is counted before the password is verified (and given back if it
 * succeeds), so concurrent guesses cannot all pass the check while their
 * verifications run.
 */
export async function signIn(email: string, password: string, meta: RequestMeta, now = new Date()): Promise<SignInResult> {
  const ipKey = `login:ip:${meta.ip}`;
  const accountKey = `login:account:${email}`;
  // Each window in a transaction of its own, as before the password is verified (slow, so outside any transaction).
  await transact(db, (tx) => reserve(tx, ipKey, LIMITS.loginFailuresPerIp, now.getTime()));
  await transact(db, (tx) => reserve(tx, accountKey, LIMITS.loginFailuresPerAccount, now.getTime()));
  const [user] = await db.select().from(schema.users).where(eq(schema.users.email, email)).limit(1);
  const ok = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : (await verifyPassword(await dummyHash, password), false);
  if (!user || !ok) {
    await transact(db, (tx) => audit(tx, { action: "auth.sign_in_failed", userId: user?.id ?? null, detail: { email }, ip: meta.ip, now }));
    return { ok: false };
  }
  const setCookie = await transact(db, async (tx) => {
    await release(tx, ipKey, LIMITS.loginFailuresPerIp, now.getTime());
    await release(tx, accountKey, LIMITS.loginFailuresPerAccount, now.getTime());
    await audit(tx, { action: "auth.sign_in", userId: user.id, ip: meta.ip, now });
    return createSession(tx, user.id, meta, now);
  });
  return { ok: true, setCookie, user: { id: user.id, role: user.role, preferredLang: user.preferredLang } };
}

export type SignUpResult = { ok: true; setCookie: string; userId: number } | { ok: false; reason: "email_taken" };

/** Creates a store-owner account and signs it in. Throws RateLimitedError past the per-IP limit. */
export async function signUp(
  input: { name: string; email: string; password: string; preferredLang: Lang },
  meta: RequestMeta,
  now = new Date(),
): Promise<SignUpResult> {
  const ipKey = `signup:ip:${meta.ip}`;
  await transact(db, (tx) => reserve(tx, ipKey, LIMITS.signupsPerIp, now.getTime()));
  const passwordHash = await hashPassword(input.password);
  return transact(db, async (tx): Promise<SignUpResult> => {
    const [created] = await tx
      .insert(schema.users)
      .values({ email: input.email, name: input.name, passwordHash, role: "owner", preferredLang: input.preferredLang, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: schema.users.id });
    if (!created) return { ok: false, reason: "email_taken" };
    await audit(tx, { action: "auth.sign_up", userId: created.id, ip: meta.ip, now });
    const setCookie = await createSession(tx, created.id, meta, now);
    return { ok: true, setCookie, userId: created.id };
  });
}

/** Changes the password after checking the current one, and ends every other session. */
export async function changePassword(
  user: SessionUser,
  currentPassword: string,
  newPassword: string,
  meta: RequestMeta,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; reason: "wrong_password" }> {
  const [row] = await db.select().from(schema.users).where(eq(schema.users.id, user.id)).limit(1);
  if (!row?.passwordHash || !(await verifyPassword(row.passwordHash, currentPassword))) {
    await transact(db, (tx) => audit(tx, { action: "auth.sign_in_failed", userId: user.id, detail: { during: "password_change" }, ip: meta.ip, now }));
    return { ok: false, reason: "wrong_password" };
  }
  const passwordHash = await hashPassword(newPassword);
  await transact(db, async (tx) => {
    await tx.update(schema.users).set({ passwordHash }).where(eq(schema.users.id, user.id));
    await endOtherSessions(tx, user.id, user.sessionId);
    await audit(tx, { action: "auth.password_changed", userId: user.id, ip: meta.ip, now });
  });
  return { ok: true };
}
