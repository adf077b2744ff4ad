import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";

/** A fresh copy of this run's seeded base database. */
export function copyBaseDatabase(label = "copy"): string {
  const copy = path.join(inject("runDir"), `${label}-${randomUUID()}.sqlite`);
  fs.copyFileSync(inject("baseDb"), copy);
  return copy;
}
