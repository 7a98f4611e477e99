import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { LOCALES, lessons, type Lesson } from './lessons';
import { builtPages, site } from './pages';

/**
 * Every page under the site's Content-Security-Policy, as both a static host sends it (the header
 * from dist/_headers, added here to every response) and as the page carries it (its <meta>):
 * no violation, no console error, no uncaught exception; and every lesson rendered as a reader
 * gets it. One load per page serves both.
 */
function headerPolicy(): string {
	const headers = readFileSync(join(site.dir, '_headers'), 'utf8');
	const policy = /^\s+Content-Security-Policy:\s*(.+)$/m.exec(headers)?.[1];
	if (!policy) throw new Error(`${site.dir}/_headers has no Content-Security-Policy`);
	return policy;
}

async function underPolicy(page: Page): Promise<string[]> {
	const problems: string[] = [];
	const policy = headerPolicy();
	await page.route('**/*', async (route) => {
		const response = await route.fetch();
		await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
	});
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => {
			console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber}) ${event.sample}`);
		});
	});
	page.on('console', (message) => {
		if (message.type() === 'error') problems.push(message.text());
	});
	page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
	return problems;
}

test('the shipped policy never lets inline script run unhashed', () => {
	const policy = headerPolicy();
	const scriptSrc = policy.split(';').map((d) => d.trim()).filter((d) => /^script-src/.test(d));
	expect(scriptSrc.length).toBeGreaterThan(0);
	for (const directive of scriptSrc) expect(directive).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
	expect(policy).toMatch(/frame-ancestors 'none'/);
	expect(policy).toMatch(/object-src 'none'/);
});

/** A lesson as built: its language and title, its diagrams as SVG, and no Mermaid runtime. */
async function expectLesson(page: Page, lesson: Lesson) {
	await expect(page.locator('html')).toHaveAttribute('lang', lesson.locale);
	await expect(page.locator('h1').first()).toHaveText(lesson.title);
	expect(lesson.diagrams, 'every lesson has a diagram').toBeGreaterThan(0);
	const figures = page.locator('figure.diagram');
	expect(await figures.count()).toBeGreaterThanOrEqual(lesson.diagrams);
	await expect(figures.first().locator('svg:visible')).toHaveCount(1);
	await expect(figures.first().locator('svg:visible title')).not.toBeEmpty();
	expect(await page.locator('pre code.language-mermaid').count()).toBe(0);
	const scripts = await page.locator('script[src]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('src') ?? ''));
	expect(scripts.filter((src) => /mermaid/i.test(src))).toEqual([]);
}

const lessonAt = new Map(LOCALES.flatMap((locale) => lessons(locale)).map((lesson) => [lesson.path, lesson]));

for (const path of builtPages()) {
	const lesson = lessonAt.get(path);
	const what = lesson ? `${lesson.locale} ${lesson.slug}: renders its title and diagrams as SVG, no Mermaid runtime; ` : '';
	test(`/${path}: ${what}no CSP violation or console error`, async ({ page }) => {
		const problems = await underPolicy(page);
		const response = await page.goto(path);
		expect(response?.status()).toBe(200);
		await expect(page.locator('meta[http-equiv="content-security-policy"]')).toHaveCount(1);
		const meta = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
		expect(meta).not.toMatch(/script-src[^;]*'unsafe-inline'/);
		if (lesson) await expectLesson(page, lesson);
		await page.waitForLoadState('networkidle');
		// Inline scripts ran: the theme provider set the theme, the search shortcut was revealed.
		await expect(page.locator('html')).toHaveAttribute('data-theme', /^(light|dark)$/);
		expect(problems).toEqual([]);
	});
}
