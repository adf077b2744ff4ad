/**
 * `npm run bench:import`: a 1,000-row product import on this machine, on a
 * freshly seeded database of its own (tests/.tmp/bench-import): the dry run
 * (read, check, match, encode photos), saving it, and the confirmation (plan
 * again, one transaction), then the same file again (all unchanged).
 *   BENCH_IMPORT_ROWS=1000   BENCH_IMPORT_PHOTOS=100 (distinct photos, shared round-robin by the rows)
 */
import fs from "node:fs";
import path from "node:path";

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1000);
const PHOTOS = Number(process.env.BENCH_IMPORT_PHOTOS ?? 100);
const dir = path.resolve("tests/.tmp/bench-import");
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
process.env.DATABASE_PATH = path.join(dir, "bench.sqlite");

const { prepareDatabase } = await import("./prepare-database");
await prepareDatabase({ log: () => {} });
const { db, schema, stopBackgroundCheckpoints } = await import("../app/db.server");
const { eq } = await import("drizzle-orm");
const { zipSync } = await import("fflate");
const { default: sharp } = await import("sharp");
const { templateColumns, toCsv } = await import("../app/modules/owner/import/columns");
const { confirmDraft, planImport, saveDraft } = await import("../app/modules/owner/import/import.server");

const [store] = await db.select().from(schema.stores).where(eq(schema.stores.status, "live")).limit(1);
const photos: Record<string, Uint8Array> = {};
for (let i = 0; i < PHOTOS; i++) {
  photos[`p${i}.jpg`] = new Uint8Array(
    await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: (i * 37) % 256, g: (i * 71) % 256, b: (i * 113) % 256 } } })
      .jpeg({ quality: 85 })
      .toBuffer(),
  );
}
const rows = Array.from({ length: ROWS }, (_, i) => ({
  sku: `BENCH-${i}`,
  category: ["crafts", "textiles", "home", "coffee"][i % 4],
  price: `${10 + (i % 90)}.50`,
  stock: String(i % 50),
  images: PHOTOS ? `p${i % PHOTOS}.jpg` : "",
  name_en: `Bench product ${i}`,
  description_en: `A product made for the benchmark, number ${i}.`,
  name_fr: `Produit de banc d’essai ${i}`,
  description_fr: `Un produit pour la mesure, numéro ${i}.`,
  name_zh: `基准商品 ${i}`,
}));
const files = { table: new TextEncoder().encode(toCsv(templateColumns("fr"), rows)), zip: PHOTOS ? zipSync(photos, { level: 0 }) : null };
const secs = (from: number) => ((performance.now() - from) / 1000).toFixed(2);

async function run(label: string) {
  const started = performance.now();
  const { plan, encodings } = await planImport(store.id, files);
  const dry = secs(started);
  if (!plan.ready) throw new Error(`plan not ready: ${JSON.stringify(plan.fileProblems.concat(plan.rows.flatMap((r) => r.problems)).slice(0, 3))}`);
  const draft = await saveDraft({ storeId: store.id, userId: store.ownerId!, fileName: "bench.csv", files, publish: true, encodings });
  const confirmStarted = performance.now();
  const outcome = await confirmDraft({ ...draft, storeId: store.id, userId: store.ownerId!, asOrganiser: false });
  if (!outcome.ok) throw new Error(`confirmation failed: ${outcome.reason}`);
  console.log(
    `${label}: ${ROWS} rows, ${PHOTOS} photos (${(files.zip?.byteLength ?? 0) / 1e6} MB ZIP): dry run ${dry} s, confirmation ${secs(confirmStarted)} s, total ${secs(started)} s → ${JSON.stringify(outcome.counts)}`,
  );
}
await run("first import");
await run("same file again");
await stopBackgroundCheckpoints();
