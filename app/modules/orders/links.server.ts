/**
 * Unguessable order links: `/orders/SR-…?key=…`, where the key is an HMAC of
 * the order number. The order number alone (printed on receipts, read out on
 * the phone) opens nothing; lookup needs number + email.
 *
 * The secret: ORDER_LINK_SECRET, else SESSION_SECRET, else a random one
 * created on first use and kept beside the database (never a fixed default).
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databasePath } from "../../../db/connection";
import { env } from "~/env.server";
import { localizePath, isLang } from "../i18n/config";

let secret: Buffer | null = null;

function linkSecret(): Buffer {
  if (secret) return secret;
  const configured = env().ORDER_LINK_SECRET || env().SESSION_SECRET;
  if (configured) return (secret = Buffer.from(configured));
  const file = `${databasePath()}.order-links.key`;
  try {
    secret = Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64url");
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fresh = randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, fresh, { mode: 0o600, flag: "wx" });
    } catch {
      /* another process wrote it first: read theirs */
    }
    secret = Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64url");
  }
  return secret;
}

export function orderKey(number: string): string {
  return createHmac("sha256", linkSecret()).update(`order:${number}`).digest("base64url").slice(0, 32);
}

export function orderKeyMatches(number: string, key: string | null): boolean {
  if (!key) return false;
  const expected = Buffer.from(orderKey(number));
  const given = Buffer.from(key);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The private link to an order, in the language it was placed in (or the one given). */
export function orderPath(order: { number: string; lang: string }, lang?: string): string {
  const l = lang && isLang(lang) ? lang : isLang(order.lang) ? order.lang : "en";
  return localizePath(`/orders/${order.number}?key=${orderKey(order.number)}`, l);
}
