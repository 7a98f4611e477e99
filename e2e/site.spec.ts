import { expect, test } from '@playwright/test';
import { LOCALES, lessons } from './lessons';

const BASE = process.env.BASE_PATH ?? '/';

test('every lesson exists in both locales with the same slug', () => {
	const slugs = (locale: (typeof LOCALES)[number]) => lessons(locale).map((lesson) => lesson.slug);
	expect(slugs('en')).toEqual(slugs('zh-CN'));
});

test('the language picker goes to the same lesson in the other language', async ({ page }) => {
	await page.goto('handshake/');
	await page.locator('starlight-lang-select select').first().selectOption({ label: 'English' });
	await expect(page).toHaveURL((url) => url.pathname === `${BASE}en/handshake/`);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.locator('starlight-lang-select select').first().selectOption({ label: '简体中文' });
	await expect(page).toHaveURL((url) => url.pathname === `${BASE}handshake/`);
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('a diagram follows the colour scheme, also when the reader switches it', async ({ page }) => {
	// The participant boxes take the palettes' actorBkg (src/diagrams/themes.ts).
	const actorFill = () => page.locator('figure.diagram svg rect.actor').first().evaluate((el) => getComputedStyle(el).fill);
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.goto('handshake/');
	await expect(page.locator('figure.diagram').first().locator('svg')).toHaveCount(1);
	expect(await actorFill()).toBe('rgb(16, 64, 60)');
	await page.locator('starlight-theme-select select').first().selectOption('light');
	expect(await actorFill()).toBe('rgb(224, 242, 241)');
	await page.emulateMedia({ colorScheme: 'light' });
	await page.reload();
	await page.locator('starlight-theme-select select').first().selectOption('auto');
	expect(await actorFill()).toBe('rgb(224, 242, 241)');
});

test('a wide diagram scrolls inside its box on a phone, never the page', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 800 });
	for (const path of ['handshake/', 'en/state-machine/']) {
		await page.goto(path);
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
			for (const box of await boxes.all()) await box.scrollIntoViewIfNeeded();
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

const searches = [
	{ path: 'overview/', term: '三次握手', expected: /\/handshake\// },
	{ path: 'overview/', term: '四次挥手', expected: /\/teardown\// },
	{ path: 'en/overview/', term: 'TIME-WAIT', expected: /\/en\/time-wait\// },
];
for (const { path, term, expected } of searches) {
	test(`search finds “${term}”`, async ({ page }) => {
		await page.goto(path);
		await page.locator('site-search button[data-open-modal]').click();
		await page.locator('#starlight__search input').fill(term);
		const links = page.locator('#starlight__search .pagefind-ui__result-link');
		await expect(links.first()).toBeVisible();
		const hrefs = await links.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href') ?? ''));
		expect(hrefs.some((href) => expected.test(href)), hrefs.join(' ')).toBe(true);
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
