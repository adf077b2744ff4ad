// PostgreSQL's schema and migrations, beside SQLite's (drizzle.config.ts); `npm run db:generate` runs both.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.pg.ts",
  out: "./db/migrations-pg",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://localhost/showcase" },
  strict: true,
  verbose: true,
});
