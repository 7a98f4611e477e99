import { expect, test } from '@playwright/test';
import { MERMAID_CONFIG } from '../src/diagrams/themes';
import { LOCALES, lessons } from './lessons';
import { resultLinks, searchButton, searchInput } from './search';

const BASE = process.env.BASE_PATH ?? '/';

test('every lesson exists in both locales with the same slug', () => {
	const slugs = (locale: (typeof LOCALES)[number]) => lessons(locale).map((lesson) => lesson.slug);
	expect(slugs('en')).toEqual(slugs('zh-CN'));
});

test('the language picker goes to the same lesson in the other language', async ({ page }) => {
	await page.goto('handshake/');
	await page.locator('starlight-lang-select select').first().selectOption({ label: 'English' });
	await page.waitForURL((url) => url.pathname === `${BASE}en/handshake/`);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.locator('starlight-lang-select select').first().selectOption({ label: '简体中文' });
	await page.waitForURL((url) => url.pathname === `${BASE}handshake/`);
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

/** `#10403c` → `rgb(16, 64, 60)`, as getComputedStyle gives colours. */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

test('a diagram follows the colour scheme, also when the reader switches it', async ({ page }) => {
	// Wiring, not colour choice: the participant boxes take the active palette's actorBkg, read from
	// src/diagrams/themes.ts, the palettes' one source (a copy here would only test the copy).
	const DARK = rgb(String(MERMAID_CONFIG.dark.themeVariables!.actorBkg));
	const LIGHT = rgb(String(MERMAID_CONFIG.light.themeVariables!.actorBkg));
	expect(DARK).not.toBe(LIGHT);
	const actorFill = () => page.locator('figure.diagram svg rect.actor').first().evaluate((el) => getComputedStyle(el).fill);
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.goto('handshake/');
	await expect(page.locator('figure.diagram').first().locator('svg')).toHaveCount(1);
	expect(await actorFill()).toBe(DARK);
	await page.locator('starlight-theme-select select').first().selectOption('light');
	expect(await actorFill()).toBe(LIGHT);
	await page.emulateMedia({ colorScheme: 'light' });
	await page.reload();
	await page.locator('starlight-theme-select select').first().selectOption('auto');
	expect(await actorFill()).toBe(LIGHT);
});

test('a wide diagram scrolls inside its box on a phone, drawn at a legible size, never the page', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 800 });
	for (const path of ['handshake/', 'en/state-machine/']) {
		await page.goto(path);
		// The page's widest diagram (its natural width is the box's --diagram-width).
		const widest = page.locator('.diagram-scroll').nth(
			await page.locator('.diagram-scroll').evaluateAll((boxes) => {
				const widths = boxes.map((box) => parseFloat(getComputedStyle(box).getPropertyValue('--diagram-width')));
				return widths.indexOf(Math.max(...widths));
			}),
		);
		await widest.scrollIntoViewIfNeeded();
		// content-visibility draws it on a coming frame: until then the box has its placeholder's size.
		await expect
			.poll(() => widest.evaluate((box) => [...box.querySelectorAll('.diagram-svg > svg')].some((s) => s.checkVisibility({ contentVisibilityAuto: true }))))
			.toBe(true);
		const seen = await widest.evaluate((box) => {
			const svg = [...box.querySelectorAll<SVGSVGElement>('.diagram-svg > svg')].find((s) => s.checkVisibility({ contentVisibilityAuto: true }));
			const before = box.scrollLeft;
			box.scrollLeft = 80;
			const moved = box.scrollLeft - before;
			box.scrollLeft = before;
			return {
				natural: parseFloat(getComputedStyle(box).getPropertyValue('--diagram-width')),
				drawn: svg?.getBoundingClientRect().width ?? 0,
				overflow: box.scrollWidth - box.clientWidth,
				moved,
			};
		});
		expect(seen.overflow, `${path}: the diagram is wider than its box`).toBeGreaterThan(0);
		expect(seen.moved, `${path}: the box scrolls`).toBeGreaterThan(0);
		// Never below 70% of its natural size (src/styles/diagrams.css): the text stays readable.
		expect(seen.drawn, `${path}: drawn width`).toBeGreaterThanOrEqual(0.7 * seen.natural - 1);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow, path).toBeLessThanOrEqual(0);
	}
});

test('a diagram drawn as the reader scrolls to it takes the height its placeholder held', async ({ page }) => {
	// Off-screen diagrams are not drawn until near (content-visibility); their placeholders must not
	// be taller or shorter than the drawing, or the page would move under the reader.
	for (const width of [360, 1280]) {
		await page.setViewportSize({ width, height: 740 });
		for (const path of ['failures/', 'en/why-four/']) {
			await page.goto(path);
			const boxes = page.locator('.diagram-scroll');
			const heights = () => boxes.evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().height)));
			const placeholders = await heights();
			const drawnAtLoad = await boxes.evaluateAll((els) => els.filter((el) => el.getBoundingClientRect().top < innerHeight).length);
			expect(placeholders.length - drawnAtLoad, `${path} needs diagrams below the fold`).toBeGreaterThan(2);
			// Each brought into view in turn and given two frames to be drawn, as a reader scrolling would.
			await boxes.evaluateAll(async (els) => {
				for (const el of els) {
					el.scrollIntoView({ block: 'center' });
					await new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame)));
				}
			});
			expect(await heights(), `${path} at ${width} px`).toEqual(placeholders);
		}
	}
});

test('printed, every diagram is drawn, not only those near the screen', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 740 });
	await page.goto('failures/');
	// checkVisibility with contentVisibilityAuto: false for content that content-visibility skips.
	const drawn = () =>
		page.locator('.diagram-svg svg').evaluateAll((svgs) => svgs.map((svg) => svg.checkVisibility({ contentVisibilityAuto: true })));
	expect((await drawn()).filter((d) => !d).length, 'on screen, diagrams far below are skipped').toBeGreaterThan(2);
	await page.emulateMedia({ media: 'print' });
	expect(await drawn()).not.toContain(false);
});

test('on a wide screen the table of contents sits at the right edge even before the lesson beside it has arrived', async ({ page }) => {
	// A browser draws frames while a long page is still arriving; the sidebar, first in the HTML,
	// must not take the lesson's place in them and then jump (a layout shift of 0.41 at this size).
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto('en/why-three/');
	const sidebarLeft = () => page.locator('.right-sidebar').evaluate((el) => Math.round(el.getBoundingClientRect().left));
	// Starlight's widths at 1280 px: sidebar 300 px (18.75rem), right sidebar 300 px at the right edge.
	expect(await sidebarLeft()).toBe(980);
	await page.locator('.main-pane').evaluate((lesson) => lesson.remove());
	expect(await sidebarLeft()).toBe(980);
});

test('on a phone a site title too long for the header ends in an ellipsis inside it', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 800 });
	await page.goto('en/why-three/');
	const title = await page.locator('.site-title span').evaluate((span) => ({
		shortened: span.scrollWidth > span.clientWidth,
		inside: span.getBoundingClientRect().right <= span.closest('.title-wrapper')!.getBoundingClientRect().right + 0.5,
		ending: getComputedStyle(span).textOverflow,
	}));
	expect(title).toEqual({ shortened: true, inside: true, ending: 'ellipsis' });
});

const searches = [
	{ path: 'overview/', term: '三次握手', expected: /\/handshake\// },
	{ path: 'overview/', term: '四次挥手', expected: /\/teardown\// },
	{ path: 'en/overview/', term: 'TIME-WAIT', expected: /\/en\/time-wait\// },
];
for (const { path, term, expected } of searches) {
	test(`search finds “${term}”`, async ({ page }) => {
		test.slow(); // Pagefind's first search: it fetches and compiles its WebAssembly and index
		await page.goto(path);
		await searchButton(page).click();
		await searchInput(page).fill(term);
		const links = resultLinks(page);
		await expect(links.first()).toBeVisible({ timeout: 20_000 });
		// Pagefind draws its results one by one as their fragments arrive: wait for the expected one.
		await expect
			.poll(() => links.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href') ?? '')), { timeout: 10_000 })
			.toContainEqual(expect.stringMatching(expected));
	});
}

test('each locale’s pages carry its own words: 404 text, description, social image alt, site title and sidebar', async ({ request }) => {
	// Written out by hand, as content/i18n/<locale>.json has them.
	const cases = [
		{ path: '404.html', words: ['synack：TCP 连接的一生', 'TCP 连接如何诞生、如何结束，严格对照 RFC 9293。', 'synack：TCP 连接的一生——SYN、SYN+ACK、ACK'] },
		{ path: 'en/404.html', words: ['synack: the life of a TCP connection', 'How a TCP connection is born and dies, correct to RFC 9293.', 'synack — the life of a TCP connection: SYN, SYN+ACK, ACK', 'Start at the overview'] },
		{ path: 'handshake/', words: ['synack：TCP 连接的一生——SYN、SYN+ACK、ACK', '>连接的一生</span>'] },
		{ path: 'en/handshake/', words: ['synack — the life of a TCP connection: SYN, SYN+ACK, ACK', '>The life of a connection</span>'] },
	];
	for (const { path, words } of cases) {
		const html = await (await request.get(path)).text();
		for (const w of words) expect(html, `${path}: ${w}`).toContain(w);
		// Nothing of the other locale's site-wide words on the page.
		const other = path.startsWith('en/') ? 'synack：TCP 连接的一生' : 'synack — the life of a TCP connection';
		expect(html, path).not.toContain(other);
	}
});
