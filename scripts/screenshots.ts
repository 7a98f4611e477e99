/**
 * Screenshots of built pages for a human to look at: every path given, in both colour schemes and
 * at phone and desktop widths. Usage: node scripts/screenshots.ts <base-url> <out-dir> <path>...
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../src/diagrams/chromium.ts';

const [baseUrl = 'http://127.0.0.1:4321', outDir = 'screenshots', ...paths] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch(chromiumLaunchOptions());
for (const path of paths.length ? paths : ['/']) {
	for (const scheme of ['light', 'dark'] as const) {
		for (const width of [360, 1280]) {
			const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
			await page.goto(new URL(path.replace(/^\//, ''), `${baseUrl}/`).href);
			const name = `${path.replace(/[^a-z0-9]+/gi, '_') || 'home'}-${scheme}-${width}.png`;
			await page.screenshot({ path: join(outDir, name), fullPage: process.env.FULL === '1' });
			await page.close();
		}
	}
}
await browser.close();
