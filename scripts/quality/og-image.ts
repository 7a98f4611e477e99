/**
 * Draws the default social card, public/og.png (1200×630), from an HTML template in Chromium.
 * Run again after changing the template: node scripts/quality/og-image.ts
 */
import { join } from 'node:path';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../src/diagrams/chromium.ts';
import { OG_IMAGE } from '../../src/quality/head.ts';

/** One segment of the drawing: a labelled arrow at height `y`, client → server when `right`. */
export const arrow = (y: number, label: string, right: boolean) => `
	<g transform="translate(0 ${y})">
		<line x1="${right ? 40 : 520}" x2="${right ? 508 : 52}" y1="0" y2="0" stroke="#4dd0c0" stroke-width="4"/>
		<path d="${right ? 'M508 -10 L528 0 L508 10 Z' : 'M52 -10 L32 0 L52 10 Z'}" fill="#4dd0c0"/>
		<text x="280" y="-16" text-anchor="middle" font-size="30" fill="#eceef2" font-family="DejaVu Sans Mono, monospace">${label}</text>
	</g>`;

/** The card as a page of exactly OG_IMAGE's size: the name, the tagline in both languages, a handshake. */
export const html = `<!doctype html><html><head><meta charset="utf-8"><style>
	html, body { margin: 0; width: ${OG_IMAGE.width}px; height: ${OG_IMAGE.height}px; background: #17181c; color: #eceef2; font-family: "Noto Sans CJK SC", "Noto Sans SC", sans-serif; }
	main { display: flex; height: 100%; align-items: center; padding: 0 72px; box-sizing: border-box; gap: 40px; }
	.text { flex: 1; }
	h1 { font-size: 112px; margin: 0 0 24px; letter-spacing: -2px; font-family: "DejaVu Sans Mono", monospace; color: #4dd0c0; }
	p { margin: 0; font-size: 42px; line-height: 1.35; }
	p.en { color: #c0c2c7; font-size: 34px; margin-top: 12px; }
</style></head><body><main>
	<div class="text"><h1>synack</h1><p>TCP 连接的一生</p><p class="en">the life of a TCP connection</p></div>
	<svg width="560" height="420" viewBox="0 0 560 420" aria-hidden="true">
		<line x1="30" x2="30" y1="20" y2="400" stroke="#8b8f98" stroke-width="4"/>
		<line x1="530" x2="530" y1="20" y2="400" stroke="#8b8f98" stroke-width="4"/>
		${arrow(110, 'SYN', true)}${arrow(230, 'SYN+ACK', false)}${arrow(350, 'ACK', true)}
	</svg>
</main></body></html>`;

if (import.meta.main) {
	const out = join(import.meta.dirname, '..', '..', 'public', OG_IMAGE.path);
	const browser = await chromium.launch(chromiumLaunchOptions());
	const page = await browser.newPage({ viewport: { width: OG_IMAGE.width, height: OG_IMAGE.height } });
	await page.setContent(html);
	await page.screenshot({ path: out, type: 'png' });
	await browser.close();
	console.log(`wrote ${out}`);
}
