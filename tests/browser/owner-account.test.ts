/**
 * Journey: a store owner signs up in Kiswahili, signs out, and signs in
 * again, with no CSP violation and no console error on any page.
 */
import { describe, expect, it } from "vitest";
import { setUpJourney, watchForErrors, watchCsp, waitForHydration } from "./harness";

const journey = setUpJourney();

describe("store owner account in Kiswahili", () => {
  it("signs up, signs out and signs in again", async () => {
    const context = await journey.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors = watchForErrors(page);
    const cspViolations = await watchCsp(page);
    const visited: string[] = [];
    const check = async () => {
      visited.push(new URL(page.url()).pathname);
      expect(await cspViolations(), page.url()).toEqual([]);
    };
    const email = `mama.neema.${Date.now()}@silkroad.example`;
    const password = "mti-wa-mbuyu-2026";

    await page.goto(`${journey.server.url}/sw/signup`);
    await waitForHydration(page);
    expect(await page.getAttribute("html", "lang")).toBe("sw");
    await check();
    // Instant feedback from the same schema the server uses.
    await page.getByLabel("Nenosiri jipya").fill("fupi");
    await page.getByLabel("Barua pepe").focus();
    await expect.poll(() => page.locator(".field-errors").first().textContent()).toContain("angalau herufi 12");

    await page.getByLabel("Jina lako").fill("Neema Mushi");
    await page.getByLabel("Barua pepe").fill(email);
    await page.getByLabel("Nenosiri jipya").fill(password);
    await page.getByLabel("Lugha unayopendelea").selectOption("sw");
    await page.getByRole("button", { name: "Fungua akaunti" }).click();
    await page.waitForURL("**/sw/dashboard");
    await page.locator("h1").waitFor();
    expect(await page.locator("h1").textContent()).toBe("Dashibodi yako");
    await check();

    // Sign out from the header.
    await page.getByRole("button", { name: "Toka" }).click();
    await page.waitForURL(/\/sw$/);
    await page.locator(".hero").waitFor();
    await check();
    expect(await page.getByRole("button", { name: "Toka" }).count()).toBe(0);

    // A protected page now sends us to sign in, with a way back.
    await page.goto(`${journey.server.url}/sw/dashboard`);
    await page.waitForURL("**/sw/login?redirectTo=*");
    await check();
    await page.getByLabel("Barua pepe").fill(email);
    await page.getByLabel("Nenosiri", { exact: true }).fill("si-nenosiri-sahihi");
    await page.getByRole("button", { name: "Ingia" }).click();
    await expect.poll(() => page.locator(".form-card > .field-errors").textContent()).toContain("havilingani");
    await check();
    await page.getByLabel("Nenosiri", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Ingia" }).click();
    await page.waitForURL("**/sw/dashboard");
    await page.locator("h1").waitFor();
    expect(await page.locator("h1").textContent()).toBe("Dashibodi yako");
    await check();

    expect(visited.length).toBeGreaterThanOrEqual(5);
    // Only the deliberate wrong password may have logged (a 400 response); nothing else.
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    await context.close();
  }, 60_000);
});
