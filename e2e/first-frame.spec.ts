/**
 * The first frame waits for the page title (src/quality/head.ts: `<link rel=expect>`), so nothing
 * above the title is ever painted half parsed. A proxy in front of the site under test sends a
 * lesson's HTML up to the middle of the phone's table-of-contents bar and holds the rest until the
 * test lets it go: Chromium must paint nothing meanwhile. The same page with the link taken out is
 * painted with an empty toggle, the frame that moved when the rest arrived (CLS 0.0001 in a CI run
 * of the Lighthouse gate), so the proxy does catch a half-parsed frame. Held by the test, not a
 * timer: whether a frame is painted while the parser waits does not depend on the machine's speed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { siteFromEnv } from '../scripts/quality/dist.ts';
import { siteHandler } from '../scripts/quality/serve.ts';

const PAGE = 'en/state-machine/';
const EXPECT_LINK = /<link rel="expect"[^>]*>/;
/** Inside the phone's table-of-contents bar, before the title: the toggle's label is not sent yet. */
const HOLD_AT = /<span class="toggle[^>]*>/;

interface Proxy {
	url: string;
	release(): void;
	close(): Promise<void>;
}

/** Serves `html` at the lesson's path in two parts (the second on `release`), everything else as the test server does. */
async function holdingProxy(site: URL, html: string): Promise<Proxy> {
	const cut = html.search(HOLD_AT) + html.match(HOLD_AT)![0].length;
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	const rest = siteHandler(siteFromEnv([]));
	const server: Server = createServer(async (req, res) => {
		if (new URL(req.url ?? '/', site).pathname !== new URL(PAGE, site).pathname) return rest(req, res);
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
		res.write(html.slice(0, cut));
		await released;
		res.end(html.slice(cut));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}${new URL(PAGE, site).pathname}`,
		release,
		close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
	};
}

/** In the page: whether it has painted a frame yet. */
const painted = () => performance.getEntriesByType('paint').length > 0;

/**
 * Opens the held page, waits until the parser holds inside the toggle with the stylesheet loaded (a
 * frame could be drawn from then on), then `meanwhile`; answers whether a frame was painted and the
 * toggle's width while held, and its width once the page has all its HTML.
 */
async function openHeld(page: Page, proxy: Proxy, meanwhile: () => Promise<unknown>) {
	const loaded = page.goto(proxy.url);
	const toggleWidth = () => page.evaluate(() => document.querySelector('.toggle')!.getBoundingClientRect().width);
	// Polled by timer: animation frames do not run while rendering is blocked.
	await page.waitForFunction(() => document.querySelector('.toggle') && document.styleSheets.length > 0, undefined, { polling: 100 });
	await meanwhile();
	const held = { painted: await page.evaluate(painted), width: await toggleWidth() };
	proxy.release();
	await loaded;
	return { held, width: await toggleWidth() };
}

test.use({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });

test('the first frame waits for the title: nothing half parsed is painted', async ({ page, request, baseURL }) => {
	const site = new URL(baseURL!);
	const html = await (await request.get(PAGE)).text();
	expect(html).toMatch(EXPECT_LINK);
	const proxy = await holdingProxy(site, html);
	try {
		// A free renderer paints well within this (the next test waits for that frame).
		const { held } = await openHeld(page, proxy, () => page.waitForTimeout(1_000));
		expect(held.painted).toBe(false);
		await expect(page.locator('mobile-synack-toc .toggle')).toHaveText('On this page');
	} finally {
		await proxy.close();
	}
});

test('without the link a frame shows the half-parsed bar, whose toggle then grows (what CI once measured as a shift)', async ({ page, request, baseURL }) => {
	const site = new URL(baseURL!);
	const html = (await (await request.get(PAGE)).text()).replace(EXPECT_LINK, '');
	const proxy = await holdingProxy(site, html);
	try {
		const { held, width } = await openHeld(page, proxy, () => page.waitForFunction(painted, undefined, { polling: 100 }));
		expect(held.painted).toBe(true);
		// Empty, padding and border only (22 px here); whole, its label ("On this page", wider than
		// 50 px in any font), caret and gap as well.
		expect(width - held.width, `toggle ${held.width} px while held, ${width} px whole`).toBeGreaterThan(50);
	} finally {
		await proxy.close();
	}
});
