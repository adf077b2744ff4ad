import path from "node:path";

/**
 * True when node was started with this script (`node --import tsx scripts/NAME.ts`,
 * or its bundle `dist/scripts/NAME.js`, see `npm run build:scripts`). The name is
 * compared rather than `import.meta.url`, which a bundle shares between every
 * module it holds.
 */
export function startedAs(name: string): boolean {
  return path.parse(process.argv[1] ?? "").name === name;
}
