/**
 * Runs before each test file: gives it a private copy of the seeded base
 * database, so tests never see each other's writes. Must run before any
 * module opens the database (app/db.server.ts reads DATABASE_PATH, or
 * DATABASE_URL on PostgreSQL, on import).
 */
import { inject } from "vitest";
import { copyBaseDatabase } from "./copy-database";
import { copyBasePostgresDatabase } from "./postgres";

const postgresServer = inject("postgresServer");
if (postgresServer) process.env.DATABASE_URL = await copyBasePostgresDatabase(postgresServer, inject("baseDb"), "test");
else process.env.DATABASE_PATH = copyBaseDatabase("test");
