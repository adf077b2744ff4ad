/**
 * Unguessable order links: `/orders/SR-…?key=…`, where the key is an HMAC of
 * the order number. The order number alone (printed on receipts, read out on
 * the phone) opens nothing; lookup needs number + email.
 *
 * The secrets: ORDER_LINK_SECRET's list, else SESSION_SECRET's (the first
 * signs, every one verifies, so a secret can be rotated without breaking the
 * links in confirmations already sent), else, where neither is set (never in
 * production, which requires SESSION_SECRET), a random one created on first
 * use and kept beside the database (never a fixed default).
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databasePath } from "../../../db/connection";
import { env, secretList } from "~/env.server";
import { localizePath, isLang } from "../i18n/config";

let secrets: Buffer[] | null = null;

function linkSecrets(): Buffer[] {
  if (secrets) return secrets;
  const configured = secretList(env().ORDER_LINK_SECRET);
  const list = configured.length ? configured : secretList(env().SESSION_SECRET);
  if (list.length) return (secrets = list.map((s) => Buffer.from(s)));
  const file = `${databasePath()}.order-links.key`;
  try {
    secrets = [Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64url")];
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fresh = randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, fresh, { mode: 0o600, flag: "wx" });
    } catch {
      /* another process wrote it first: read theirs */
    }
    secrets = [Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64url")];
  }
  return secrets;
}

function keyWith(secret: Buffer, number: string): string {
  return createHmac("sha256", secret).update(`order:${number}`).digest("base64url").slice(0, 32);
}

/** The key of an order's link, signed with the first secret. */
export function orderKey(number: string): string {
  return keyWith(linkSecrets()[0], number);
}

/** The key was made by any of the secrets (the first, or one being rotated out). */
export function orderKeyMatches(number: string, key: string | null): boolean {
  if (!key) return false;
  const given = Buffer.from(key);
  let matches = false;
  // Every secret is tried (no early exit), so the time taken says nothing about which one matched.
  for (const secret of linkSecrets()) {
    const expected = Buffer.from(keyWith(secret, number));
    if (given.length === expected.length && timingSafeEqual(given, expected)) matches = true;
  }
  return matches;
}

/** The private link to an order, in the language it was placed in (or the one given). */
export function orderPath(order: { number: string; lang: string }, lang?: string): string {
  const l = lang && isLang(lang) ? lang : isLang(order.lang) ? order.lang : "en";
  return localizePath(`/orders/${order.number}?key=${orderKey(order.number)}`, l);
}
