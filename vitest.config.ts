import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

// No Remix plugin here: it must stay out of Vitest.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["app/**/*.test.{ts,tsx}", "db/**/*.test.ts", "tests/**/*.test.{ts,tsx}"],
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/database.ts"],
    pool: "forks",
    testTimeout: 30_000,
    // Browser journeys poll the page; a loaded 2-core machine needs more than the 1 s default.
    expect: { poll: { timeout: 10_000, interval: 100 } },
    hookTimeout: 120_000,
  },
});
