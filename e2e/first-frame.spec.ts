/**
 * The first frame waits for the whole page (src/quality/head.ts: `<link rel=expect>` on the page's
 * last element), so nothing half parsed is ever painted. A proxy in front of the site under test
 * sends a lesson's HTML up to a point and holds the rest until the test lets it go: held in the
 * phone's table-of-contents bar (before the title) or in a heading's anchor link (mid-lesson),
 * Chromium must paint nothing meanwhile. The same page with the link taken out is painted half
 * built, and what the parser adds next moves what was painted (the heading's anchor link: a shift
 * of 0.0002 when the HTML came in pauses; the toggle: 0.0001 in a CI run of the Lighthouse gate),
 * so the proxy does catch a half-parsed frame. Held by the test, not a timer: whether a frame is
 * painted while the parser waits does not depend on the machine's speed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { siteFromEnv } from '../scripts/quality/dist.ts';
import { siteHandler } from '../scripts/quality/serve.ts';

const PAGE = 'en/state-machine/';
const EXPECT_LINK = /<link rel="expect"[^>]*>/;
/** Where the proxy holds the HTML, each just after an element's start tag, and that element: in the
 *  phone's table-of-contents bar before the toggle's label, and in the lesson's first heading link
 *  before its icon. */
const IN_TOGGLE = { name: "the phone's table-of-contents bar", at: /<span class="toggle[^>]*>/, element: 'mobile-synack-toc .toggle' };
const IN_HEADING_LINK = { name: "a heading's anchor link", at: /<a class="sl-anchor-link"[^>]*>/, element: '.sl-markdown-content .sl-anchor-link' };

interface Proxy {
	url: string;
	release(): void;
	close(): Promise<void>;
}

/** Serves `html` at the lesson's path in two parts (the second on `release`), everything else as the test server does. */
async function holdingProxy(site: URL, html: string, at: RegExp): Promise<Proxy> {
	const cut = html.search(at) + html.match(at)![0].length;
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
 * Opens the held page, waits until the parser holds inside `element` with the stylesheet loaded (a
 * frame could be drawn from then on), then `meanwhile`; answers whether a frame was painted and
 * the element's box while held, and its box once the page has all its HTML.
 */
async function openHeld(page: Page, proxy: Proxy, element: string, meanwhile: () => Promise<unknown>) {
	const loaded = page.goto(proxy.url);
	const box = () => page.locator(element).first().evaluate((node) => node.getBoundingClientRect().toJSON() as DOMRect);
	// Polled by timer: animation frames do not run while rendering is blocked.
	await page.waitForFunction((selector) => document.querySelector(selector) && document.styleSheets.length > 0, element, { polling: 100 });
	await meanwhile();
	const held = { painted: await page.evaluate(painted), box: await box() };
	proxy.release();
	await loaded;
	return { held, box: await box() };
}

const lesson = async (request: APIRequestContext) => (await request.get(PAGE)).text();

test.use({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });

for (const { name, at, element } of [IN_TOGGLE, IN_HEADING_LINK]) {
	test(`the first frame waits for the whole page: held in ${name}, nothing is painted`, async ({ page, request, baseURL }) => {
		const html = await lesson(request);
		expect(html).toMatch(EXPECT_LINK);
		const proxy = await holdingProxy(new URL(baseURL!), html, at);
		try {
			// A free renderer paints well within this (the tests below wait for that frame).
			const { held } = await openHeld(page, proxy, element, () => page.waitForTimeout(1_000));
			expect(held.painted).toBe(false);
			await expect(page.locator('mobile-synack-toc .toggle')).toHaveText('On this page');
			await expect(page.locator('#page-end')).toHaveCount(1);
		} finally {
			await proxy.close();
		}
	});
}

test('without the link a frame shows the half-parsed bar, whose toggle then grows (what CI once measured as a shift)', async ({ page, request, baseURL }) => {
	const { at, element } = IN_TOGGLE;
	const proxy = await holdingProxy(new URL(baseURL!), (await lesson(request)).replace(EXPECT_LINK, ''), at);
	try {
		const { held, box } = await openHeld(page, proxy, element, () => page.waitForFunction(painted, undefined, { polling: 100 }));
		expect(held.painted).toBe(true);
		// Empty, padding and border only (22 px here); whole, its label ("On this page", wider than
		// 50 px in any font), caret and gap as well.
		expect(box.width - held.box.width, `toggle ${held.box.width} px while held, ${box.width} px whole`).toBeGreaterThan(50);
	} finally {
		await proxy.close();
	}
});

test("without the link a frame shows a heading's anchor link without its icon, which then moves (a shift)", async ({ page, request, baseURL }) => {
	const { at, element } = IN_HEADING_LINK;
	const proxy = await holdingProxy(new URL(baseURL!), (await lesson(request)).replace(EXPECT_LINK, ''), at);
	try {
		const { held, box } = await openHeld(page, proxy, element, () => page.waitForFunction(painted, undefined, { polling: 100 }));
		expect(held.painted).toBe(true);
		// Held, the link is an empty box (0 × 0 here); whole, its icon sets the line, and its top moves
		// (27 px up here).
		expect(Math.abs(box.top - held.box.top), `link's top ${held.box.top} px while held, ${box.top} px whole`).toBeGreaterThan(10);
	} finally {
		await proxy.close();
	}
});
