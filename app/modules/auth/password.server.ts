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

let verifications = 0;

/**
 * How many Argon2 verifications this process has started. Tests count with
 * it (a wrong password and an unknown email each cost exactly one; a
 * throttled attempt costs none), since a clock on a busy machine proves nothing.
 */
export function passwordVerifications(): number {
  return verifications;
}

export function verifyPassword(hashed: string, password: string): Promise<boolean> {
  verifications++;
  return verify(hashed, password).catch(() => false);
}
