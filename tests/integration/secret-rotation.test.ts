/**
 * Secrets given as a list can be rotated (issue 15): the first secret signs,
 * every secret in the list verifies. A session cookie and an order link made
 * with the old secret still work once a new one is put first; what is made
 * from then on is signed with the new one; and once the old secret is
 * dropped, what it signed stops working.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { asc } from "drizzle-orm";
import { db, schema, transact } from "~/db.server";

const OLD = "old-secret-".padEnd(40, "o");
const NEW = "new-secret-".padEnd(40, "n");

/** The modules as a server started with these secrets would load them. */
async function withSecrets(vars: { SESSION_SECRET?: string; ORDER_LINK_SECRET?: string }) {
  vi.resetModules();
  for (const name of ["SESSION_SECRET", "ORDER_LINK_SECRET"] as const) {
    if (vars[name] === undefined) delete process.env[name];
    else process.env[name] = vars[name];
  }
  return {
    session: await import("~/modules/auth/session.server"),
    links: await import("~/modules/orders/links.server"),
  };
}

const saved = { SESSION_SECRET: process.env.SESSION_SECRET, ORDER_LINK_SECRET: process.env.ORDER_LINK_SECRET };
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  vi.resetModules();
});

const requestWith = (setCookie: string) => new Request("http://localhost/", { headers: { Cookie: setCookie.split(";")[0] } });

describe("a session secret rotated through SESSION_SECRET's list", () => {
  it("still accepts cookies signed with the old secret, signs new ones with the first, and refuses the old once it is dropped", async () => {
    const [user] = await db.select({ id: schema.users.id, email: schema.users.email }).from(schema.users).orderBy(asc(schema.users.id)).limit(1);

    const before = await withSecrets({ SESSION_SECRET: OLD });
    const oldCookie = await transact(db, (tx) => before.session.createSession(tx, user.id, {}));
    expect((await before.session.getSessionUser(requestWith(oldCookie)))?.email).toBe(user.email);

    const rotating = await withSecrets({ SESSION_SECRET: `${NEW}, ${OLD}` });
    expect((await rotating.session.getSessionUser(requestWith(oldCookie)))?.email).toBe(user.email);
    const newCookie = await transact(db, (tx) => rotating.session.createSession(tx, user.id, {}));

    const after = await withSecrets({ SESSION_SECRET: NEW });
    expect((await after.session.getSessionUser(requestWith(newCookie)))?.email).toBe(user.email);
    expect(await after.session.getSessionUser(requestWith(oldCookie))).toBeNull();
    // The new cookie was not signed with the old secret.
    expect(await before.session.getSessionUser(requestWith(newCookie))).toBeNull();
  });
});

describe("order links under a rotated secret", () => {
  it("keep opening with the old secret's key while it is listed; new links use the first secret", async () => {
    const number = "SR-ROTA-TION";
    const before = await withSecrets({ SESSION_SECRET: OLD, ORDER_LINK_SECRET: OLD });
    const oldKey = before.links.orderKey(number);
    expect(before.links.orderKeyMatches(number, oldKey)).toBe(true);

    const rotating = await withSecrets({ SESSION_SECRET: OLD, ORDER_LINK_SECRET: `${NEW},${OLD}` });
    expect(rotating.links.orderKeyMatches(number, oldKey)).toBe(true);
    const newKey = rotating.links.orderKey(number);
    expect(newKey).not.toBe(oldKey);

    const after = await withSecrets({ SESSION_SECRET: OLD, ORDER_LINK_SECRET: NEW });
    expect(after.links.orderKey(number)).toBe(newKey);
    expect(after.links.orderKeyMatches(number, newKey)).toBe(true);
    expect(after.links.orderKeyMatches(number, oldKey)).toBe(false);
  });

  it("follow SESSION_SECRET's list when ORDER_LINK_SECRET is unset", async () => {
    const number = "SR-SESS-LIST";
    const oldKey = (await withSecrets({ SESSION_SECRET: OLD })).links.orderKey(number);
    const rotating = await withSecrets({ SESSION_SECRET: `${NEW},${OLD}` });
    expect(rotating.links.orderKeyMatches(number, oldKey)).toBe(true);
    expect(rotating.links.orderKey(number)).not.toBe(oldKey);
  });
});
