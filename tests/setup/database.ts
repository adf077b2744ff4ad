/**
 * Runs before each test file: gives it a private copy of the seeded base
 * database, so tests never see each other's writes. Must run before any
 * module opens the database (app/db.server.ts reads DATABASE_PATH on import).
 */
import { copyBaseDatabase } from "./copy-database";

process.env.DATABASE_PATH = copyBaseDatabase("test");
