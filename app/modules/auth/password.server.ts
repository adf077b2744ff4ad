/**
 * Password hashing: Argon2id at the OWASP baseline (19 MiB, 2 passes, 1 lane).
 * `verify` compares in constant time inside the library.
 */
import { hash, verify } from "@node-rs/argon2";

const ARGON2ID = 2; // Algorithm.Argon2id (a const enum, not importable under isolatedModules)
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/**
 * `salt` is for the seed only, whose demo passwords are public anyway and whose
 * output must be identical run after run; everything else gets a random salt.
 */
export function hashPassword(password: string, salt?: Uint8Array): Promise<string> {
  return hash(password, { ...OPTIONS, ...(salt ? { salt } : {}) });
}

export function verifyPassword(hashed: string, password: string): Promise<boolean> {
  return verify(hashed, password).catch(() => false);
}
