import { expect, test, type Page, type Response } from '@playwright/test';
import { underPolicy } from './csp';
import { site } from './pages';
import { resultLinks, searchButton, searchDialog, searchInput } from './search';

/**
 * Starlight's search, with Pagefind's UI loaded on the reader's first move toward search
 * (src/search/pagefind-ui.ts) instead of on every page once idle: nothing of Pagefind before that
 * move; then each way in opens a working search, in the page's language, under the shipped
 * Content-Security-Policy, by keyboard as by pointer.
 */

/** Pagefind's code and index as the page fetches them: the UI's module (it alone holds the UI's
 *  class names) and anything under pagefind/ (the search library, its WebAssembly and index). */
function pagefindRequests(page: Page): string[] {
	const seen: string[] = [];
	page.on('response', async (response: Response) => {
		const url = new URL(response.url());
		if (url.pathname.startsWith(`${site.base}pagefind/`)) seen.push(url.pathname);
		else if (response.request().resourceType() === 'script' && (await response.text().catch(() => '')).includes('pagefind-ui__')) {
			seen.push(url.pathname);
		}
	});
	return seen;
}

/** What the page said (csp.ts's console errors and uncaught exceptions) and which requests failed,
 *  shown with a test that fails: an empty search dialog looks the same whatever went wrong. */
const pageLog = new WeakMap<Page, string[]>();
test.beforeEach(async ({ page }) => {
	const log = await underPolicy(page);
	pageLog.set(page, log);
	page.on('requestfailed', (request) => log.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
});
test.afterEach(async ({ page }, testInfo) => {
	const log = pageLog.get(page) ?? [];
	if (testInfo.status !== testInfo.expectedStatus && log.length) await testInfo.attach('page log', { body: log.join('\n'), contentType: 'text/plain' });
});

/** Loaded, and idle: when Starlight's search used to fetch the UI. */
async function settle(page: Page) {
	await page.waitForLoadState('networkidle');
	await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
	await page.waitForLoadState('networkidle');
}

/** Pagefind fetches and compiles its WebAssembly and index on the first search: seconds on a busy
 *  2-core machine. */
const FIRST_RESULTS = { timeout: 30_000 };

async function expectSearchOpen(page: Page) {
	await expect(searchDialog(page)).toHaveAttribute('open', '');
	await expect(searchInput(page)).toBeFocused();
}

for (const path of ['why-three/', 'en/handshake/']) {
	test(`/${path}: nothing of Pagefind is fetched before the reader moves toward search`, async ({ page }) => {
		const fetched = pagefindRequests(page);
		await page.goto(path);
		await settle(page);
		expect(fetched).toEqual([]);
		await expect(page.locator('#starlight__search .pagefind-ui')).toHaveCount(0);
		// The pointer over the search button is such a move: the UI is built, still closed.
		await searchButton(page).hover();
		await expect(page.locator('#starlight__search .pagefind-ui')).toHaveCount(1);
		await expect.poll(() => fetched.length).toBeGreaterThan(0);
		await expect(searchDialog(page)).not.toHaveAttribute('open');
	});
}

const WAYS_IN: { name: string; open: (page: Page) => Promise<void> }[] = [
	{
		name: 'focus on the button, then Enter',
		open: async (page) => {
			await searchButton(page).focus();
			await expect(page.locator('#starlight__search .pagefind-ui')).toHaveCount(1);
			await page.keyboard.press('Enter');
		},
	},
	{ name: 'a click', open: (page) => searchButton(page).click() },
	{ name: 'Ctrl+K', open: (page) => page.keyboard.press('Control+k') },
	{ name: '/', open: (page) => page.keyboard.press('/') },
];
for (const { name, open } of WAYS_IN) {
	test(`search opens ready to type on ${name}`, async ({ page }) => {
		await page.goto('en/why-three/');
		await settle(page);
		await open(page);
		await expectSearchOpen(page);
		await page.keyboard.type('SYN');
		await expect(searchInput(page)).toHaveValue('SYN');
	});
}

test('a reader who opens the search before the page is idle still gets a search to type in', async ({ page }) => {
	// Starlight sets the search up in an idle callback: hold those back until the dialog is open,
	// as a busy phone would, then let them run.
	await page.addInitScript(() => {
		const held: IdleRequestCallback[] = [];
		window.requestIdleCallback = (callback) => held.push(callback);
		Object.assign(window, { releaseIdle: () => held.splice(0).forEach((callback) => callback({ didTimeout: false, timeRemaining: () => 50 })) });
	});
	await page.goto('en/why-three/');
	await searchButton(page).click();
	await expect(searchDialog(page)).toHaveAttribute('open', '');
	await page.evaluate(() => (window as unknown as { releaseIdle: () => void }).releaseIdle());
	await searchInput(page).fill('SYN');
	await expect(searchInput(page)).toHaveValue('SYN');
});

test('a fetch of the search UI that fails after the dialog opened is tried again, not left as an empty dialog', async ({ page }) => {
	// The reader's first move (focus) starts the fetch, Enter opens the dialog while it is under way,
	// and then the fetch fails, as on a flaky network: the reader has made every move they will make.
	// The failing fetch is held by the test until the dialog is open, not by a timer.
	let fetches = 0;
	let opened!: () => void;
	const dialogOpen = new Promise<void>((resolve) => (opened = resolve));
	await page.route(`**${site.base}_astro/*.js`, async (route) => {
		const response = await route.fetch();
		if (!(await response.text()).includes('pagefind-ui__') || fetches++ > 0) return route.fulfill({ response });
		await dialogOpen;
		await route.abort('connectionreset');
	});
	await page.goto('en/why-three/');
	await settle(page);
	await searchButton(page).focus();
	await expect.poll(() => fetches).toBe(1);
	await page.keyboard.press('Enter');
	await expect(searchDialog(page)).toHaveAttribute('open', '');
	opened();
	await expectSearchOpen(page);
	expect(fetches, 'the failed fetch, then the one that built the UI').toBe(2);
});

test('/ typed into a field is text, not the search shortcut', async ({ page }) => {
	await page.goto('en/why-three/');
	await settle(page);
	await searchButton(page).click();
	await expectSearchOpen(page);
	await page.keyboard.type('a/b');
	await expect(searchInput(page)).toHaveValue('a/b');
});

/** `message`: the line above the results, in the page's language (Pagefind 1.5.2's npm build never
 *  picks its own translation for the page, so the Chinese one comes from content/i18n/zh-CN.json). */
const IN_LANGUAGE = [
	{ path: 'handshake/', term: '四次挥手', lesson: 'teardown/', locale: '', message: /^找到 \d+ 个 四次挥手 的相关结果$/ },
	{ path: 'en/handshake/', term: 'TIME-WAIT', lesson: 'en/time-wait/', locale: 'en/', message: /^\d+ results for TIME-WAIT$/ },
];
for (const { path, term, lesson, locale, message } of IN_LANGUAGE) {
	test(`on /${path}, “${term}” finds /${lesson} and only pages in the page's language, in its words`, async ({ page }) => {
		await page.goto(path);
		await searchButton(page).click();
		await searchInput(page).fill(term);
		await expect(resultLinks(page).first()).toBeVisible(FIRST_RESULTS);
		const pathnames = () => resultLinks(page).evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));
		// Pagefind draws its results one by one as their fragments arrive: wait for the lesson's.
		await expect.poll(pathnames, { timeout: 10_000 }).toContain(`${site.base}${lesson}`);
		const found = await pathnames();
		for (const pathname of found) {
			expect(pathname.startsWith(`${site.base}en/`), pathname).toBe(locale === 'en/');
			expect(pathname, 'trailing slash, as the site links').toMatch(/\/$/);
		}
		await expect(page.locator('#starlight__search .pagefind-ui__message')).toHaveText(message);
	});
}

test('keyboard: Escape closes the search and focus returns to its button', async ({ page }) => {
	await page.goto('en/handshake/');
	await searchButton(page).focus();
	await page.keyboard.press('Enter');
	await expectSearchOpen(page);
	await page.keyboard.type('FIN');
	await page.keyboard.press('Escape');
	await expect(searchDialog(page)).not.toHaveAttribute('open');
	await expect(searchButton(page)).toBeFocused();
});

test('on a phone, the search opens full screen and its cancel button closes it', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto('handshake/');
	await searchButton(page).click();
	await expectSearchOpen(page);
	const cancel = page.locator('site-search button[data-close-modal]');
	await expect(cancel).toBeVisible();
	await expect(cancel).toHaveText('取消');
	await cancel.click();
	await expect(searchDialog(page)).not.toHaveAttribute('open');
});

for (const path of ['handshake/', 'en/handshake/']) {
	test(`csp: search (WebAssembly) and the theme picker work under the policy on /${path}`, async ({ page }) => {
		const problems = await underPolicy(page);
		await page.goto(path);
		await searchButton(page).click();
		await searchInput(page).fill('TCP');
		await expect(resultLinks(page).first()).toBeVisible(FIRST_RESULTS);
		await page.keyboard.press('Escape');
		await page.locator('starlight-theme-select select').first().selectOption('dark');
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
		expect(problems).toEqual([]);
	});
}
