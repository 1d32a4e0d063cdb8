/**
 * The HTML report in a real browser: Debian's chromium driven by playwright-core.
 * Under CI (CI=true) a missing chromium fails the suite (.ci/run installs it);
 * elsewhere the suite is skipped with a loud message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM, haveChromium, launchChromium } from '../../scripts/browser.js';
import { runCli } from '../cli/run-cli.js';

const CI = process.env.CI === 'true';
const present = haveChromium();
if (!present && !CI) {
  console.warn(
    `\n${'!'.repeat(78)}\n!! [vrpkit tests] ${CHROMIUM} not found: the HTML report's BROWSER TEST IS SKIPPED.\n` +
      `!! Install it with 'apt-get install -y chromium' (CI does, see .ci/run) or set CHROMIUM_PATH.\n${'!'.repeat(78)}\n`,
  );
}

const tmp = mkdtempSync(join(tmpdir(), 'vrpkit-report-'));

describe('the browser can find chromium', () => {
  it.runIf(CI)('under CI chromium is installed', () => {
    expect(present, `${CHROMIUM} is missing: .ci/run must apt-get install chromium`).toBe(true);
  });
});

describe.skipIf(!present)('HTML report in headless Chromium', () => {
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens a report page; returns the console errors, page errors and non-file requests, and the route paths. */
  async function open(file: string) {
    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) problems.push(`request: ${r.url()}`);
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const vehicles = await page.locator('svg.map path.route').evaluateAll((els) => els.map((e) => e.getAttribute('data-vehicle')));
    // The legend highlights a route on click (the page's script runs without error).
    await page.locator('.legend button').first().click();
    const highlighted = await page.locator('svg.map path.route.on').count();
    const png = await page.screenshot({ fullPage: true, path: file.replace(/\.html$/, '.png') });
    await page.close();
    return { problems, vehicles, highlighted, png };
  }

  const routedVehicles = (planFile: string) =>
    JSON.parse(readFileSync(planFile, 'utf8'))
      .routes.filter((r: { steps: { type: string }[] }) => r.steps.some((s) => s.type !== 'start' && s.type !== 'end'))
      .map((r: { vehicle: string }) => r.vehicle);

  it('city deliveries (solve --report): loads without errors, one route path per route, screenshot taken', async () => {
    const plan = join(tmp, 'city-plan.json');
    const html = join(tmp, 'city.html');
    const r = runCli(['solve', 'fixtures/city-deliveries.json', '--time-limit', '1', '--seed', '1', '-o', plan, '--report', html]);
    expect(r.status, r.stderr).toBe(0); // exit 0 = the independent checker accepted the plan
    const page = await open(html);
    expect(page.problems).toEqual([]);
    expect(page.vehicles).toEqual(routedVehicles(plan));
    expect(page.vehicles.length).toBeGreaterThan(0);
    expect(page.highlighted).toBe(1);
    expect(page.png.subarray(1, 4).toString()).toBe('PNG');
    expect(page.png.length).toBeGreaterThan(20_000);
  });

  it('road-network fixture (vrpkit report): loads without errors, one route path per route, screenshot taken', async () => {
    const plan = join(tmp, 'andorra-plan.json');
    const html = join(tmp, 'andorra.html');
    const s = runCli(['solve', 'fixtures/andorra-deliveries.json', '--max-iterations', '50', '--seed', '1', '-o', plan]);
    expect(s.status, s.stderr).toBe(0);
    const r = runCli(['report', 'fixtures/andorra-deliveries.json', plan, '-o', html]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('Legs follow the fastest road paths');
    const page = await open(html);
    expect(page.problems).toEqual([]);
    expect(page.vehicles).toEqual(routedVehicles(plan));
    expect(page.vehicles.length).toBeGreaterThan(0);
    expect(page.png.length).toBeGreaterThan(20_000);
  });
});
