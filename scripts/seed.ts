/** `npm run db:seed`: migrate and seed an empty database (does nothing if it has data). */
import { prepareDatabase } from "./prepare-database";

const { seeded } = await prepareDatabase();
if (!seeded) console.log("The database already has data; use `npm run db:reset` to start over.");
