/**
 * Regenerates the README's report screenshots (docs/report-*.png) from the
 * shipped fixtures: solves each with the built command, writes its HTML report
 * and photographs it in headless Chromium. Run `npm run docs:screenshots`
 * (builds first); needs Debian's chromium.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './browser.js';
import { REPO_ROOT } from './schema/generate.js';

const CASES = [
  { name: 'city', problem: 'fixtures/city-deliveries.json', solve: ['--time-limit', '10', '--seed', '1'] },
  { name: 'andorra', problem: 'fixtures/andorra-deliveries.json', solve: ['--time-limit', '5', '--seed', '1'] },
];

const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'dist/cli.js'), ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vrpkit ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
};

const tmp = mkdtempSync(join(tmpdir(), 'vrpkit-shots-'));
const browser = await launchChromium();
try {
  for (const c of CASES) {
    const html = join(tmp, `${c.name}.html`);
    cli(['solve', c.problem, ...c.solve, '-o', join(tmp, `${c.name}.json`), '--report', html]);
    const page = await browser.context.newPage();
    await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
    const target = join(REPO_ROOT, 'docs', `report-${c.name}.png`);
    await page.screenshot({ path: target, fullPage: true });
    await page.close();
    process.stderr.write(`${target}\n`);
  }
} finally {
  await browser.close();
}
