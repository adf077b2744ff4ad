/**
 * axe-core finds no violations on the signed-in pages: a store owner's
 * dashboard, store profile (English and French), new product, orders and
 * festival enrolment; the organiser's console, review queue, stores, new
 * festival form and a festival's live dashboard; each on a phone and on a
 * desktop screen.
 */
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { axeViolations, setUpJourney, waitForHydration } from "./harness";

const journey = setUpJourney();
const STORE = "bonwire-kente-weavers";

it("has no axe violations on owner and organiser pages, on a phone and on a desktop", async () => {
  const [{ slug: festival }] = await journey.server.query<{ slug: string }>(sql`SELECT slug FROM festivals WHERE status = 'published' ORDER BY id LIMIT 1`);
  const visits = [
    {
      email: "kwame@silkroad.example",
      password: "Owner-Demo-2026",
      paths: ["/dashboard", `/dashboard/stores/${STORE}/profile`, `/fr/dashboard/stores/${STORE}/profile?language=fr`, `/dashboard/stores/${STORE}/products/new`, `/dashboard/stores/${STORE}/orders`, "/dashboard/festivals"],
    },
    {
      email: "organiser@silkroad.example",
      password: "Organiser-Demo-2026",
      paths: ["/organiser", "/organiser/review", "/organiser/stores", "/organiser/festivals/new", `/organiser/festivals/${festival}`],
    },
  ];
  const found: Record<string, string[]> = {};
  let checked = 0;
  for (const { email, password, paths } of visits) {
    for (const width of [390, 1280]) {
      // bypassCSP: the injected axe script has no nonce.
      const context = await journey.browser.newContext({ bypassCSP: true, viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${journey.server.url}/login`);
      await waitForHydration(page);
      await page.getByLabel("Email", { exact: true }).fill(email);
      await page.getByLabel("Password", { exact: true }).fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(/\/(dashboard|organiser)/);
      for (const path of paths) {
        const res = await page.goto(`${journey.server.url}${path}`);
        expect(res?.status()).toBe(200);
        const violations = await axeViolations(page);
        if (violations.length) found[`${width}px ${path}`] = violations;
        checked++;
      }
      await context.close();
    }
  }
  expect(found).toEqual({});
  expect(checked).toBe(22);
}, 120_000);
