/** In-process search latency (no HTTP), for `npm run bench`: prints JSON. DATABASE_PATH must be set. */
export {};
const { parseQuery } = await import("../app/modules/search/query");
const { searchIds } = await import("../app/modules/search/search.server");
const queries = ["coffee", "咖啡", "茶", "café", "قهوة", "óleo de argão", "shea butter", "kente"];
const samples: number[] = [];
for (const q of queries) await searchIds("product", parseQuery(q)); // warm the page cache
for (let round = 0; round < 60; round++) {
  for (const q of queries) {
    const t0 = performance.now();
    await searchIds("product", parseQuery(q));
    samples.push(performance.now() - t0);
  }
}
samples.sort((a, b) => a - b);
const pick = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))];
console.log(JSON.stringify({ n: samples.length, p50: pick(0.5), p99: pick(0.99), max: samples[samples.length - 1] }));
