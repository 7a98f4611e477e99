import { expect, test, type Page } from '@playwright/test';
import { headerPolicy, underPolicy } from './csp';
import { asShown, LOCALES, lessons, type Lesson, type Locale } from './lessons';
import { builtPages, isNotFoundPage } from './pages';
import { DESKTOP, expectBannerOnly, expectLessonSponsorsOnDesktop, expectLessonSponsorsOnPhone, PHONE } from './sponsors';

/**
 * Every page, loaded once, as a reader gets it: under the Content-Security-Policy a static host
 * sends (the header of dist/_headers, which the test server sends as such a host does) and the one
 * the page carries (its <meta>), with no violation, console error or uncaught exception while it
 * loads, while every diagram is brought into view (and the widgets near them start) and while it
 * is narrowed to a phone; every lesson rendered (title, each diagram drawn, its self-check); the
 * sponsors where they belong on a desktop and a phone (e2e/sponsors.ts); no horizontal scroll.
 */
test('the shipped policy never lets inline script run unhashed', () => {
	const policy = headerPolicy();
	const scriptSrc = policy.split(';').map((d) => d.trim()).filter((d) => /^script-src/.test(d));
	expect(scriptSrc.length).toBeGreaterThan(0);
	for (const directive of scriptSrc) expect(directive).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
	expect(policy).toMatch(/frame-ancestors 'none'/);
	expect(policy).toMatch(/object-src 'none'/);
});

/**
 * A lesson as built: its language and title; as many diagrams as its source has (```mermaid blocks
 * and <ScenarioDiagram /> uses), each drawn once brought into view (content-visibility skips those
 * far away), as one SVG for the scheme in use, with a title; no Mermaid runtime; its self-check
 * with one fieldset per question of its front matter.
 */
async function expectLesson(page: Page, lesson: Lesson) {
	await expect(page.locator('html')).toHaveAttribute('lang', lesson.locale);
	await expect(page.locator('h1').first()).toHaveText(lesson.title);
	expect(lesson.diagrams, 'every lesson has a diagram').toBeGreaterThan(0);
	const figures = page.locator('figure.diagram');
	await expect(figures).toHaveCount(lesson.diagrams);
	// Each brought into view in turn, as a reader scrolling down would, and looked at once drawn.
	const drawn = await figures.evaluateAll(async (all) => {
		const seen = [];
		for (const figure of all) {
			figure.scrollIntoView({ block: 'center' });
			const visible = () =>
				[...figure.querySelectorAll(':scope .diagram-svg > svg')].filter((svg) =>
					svg.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true, opacityProperty: true }),
				);
			// content-visibility renders it on a coming frame: a busy machine may take a few (up to 5 s).
			const until = performance.now() + 5000;
			let shown = visible();
			while (!shown.length && performance.now() < until) {
				await new Promise((frame) => requestAnimationFrame(frame));
				shown = visible();
			}
			const box = shown[0]?.getBoundingClientRect();
			seen.push({
				svgs: shown.length,
				drawn: box !== undefined && box.width >= 100 && box.height >= 50,
				title: shown[0]?.querySelector(':scope > title')?.textContent?.trim() ?? '',
			});
		}
		return seen;
	});
	expect(drawn, 'each diagram: one SVG for the scheme in use, drawn at a readable size, with a title').toEqual(
		drawn.map(() => ({ svgs: 1, drawn: true, title: expect.stringMatching(/\S/) })),
	);
	expect(await page.locator('pre code.language-mermaid').count()).toBe(0);
	const scripts = await page.locator('script[src]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('src') ?? ''));
	expect(scripts.filter((src) => /mermaid/i.test(src))).toEqual([]);
	// Every lesson with a quiz shows it, question for question; one without shows none.
	await expect(page.locator('[data-selfcheck] fieldset')).toHaveCount(lesson.quiz.length);
	if (lesson.quiz.length) await expect(page.locator('[data-selfcheck] fieldset legend')).toContainText(lesson.quiz.map((q) => asShown(q.question)));
}

const lessonAt = new Map(LOCALES.flatMap((locale) => lessons(locale)).map((lesson) => [lesson.path, lesson]));
const localeOf = (path: string): Locale => (path.startsWith('en/') ? 'en' : 'zh-CN');

for (const path of builtPages()) {
	const lesson = lessonAt.get(path);
	const withSponsorBlocks = lesson !== undefined && !lesson.splash;
	const what = lesson ? `${lesson.locale} ${lesson.slug}: title, every diagram drawn, self-check, ` : '';
	test(`/${path}: ${what}sponsors on a desktop and a phone, no CSP violation or console error`, async ({ page }) => {
		const problems = await underPolicy(page);
		await page.setViewportSize(DESKTOP);
		const response = await page.goto(path);
		expect(response?.status()).toBe(200);
		expect(response?.headers()['content-security-policy'], 'the CSP header of dist/_headers').toBe(headerPolicy());
		await expect(page.locator('meta[http-equiv="content-security-policy"]')).toHaveCount(1);
		const meta = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
		expect(meta).not.toMatch(/script-src[^;]*'unsafe-inline'/);

		if (withSponsorBlocks) await expectLessonSponsorsOnDesktop(page, lesson.locale);
		else await expectBannerOnly(page, lesson?.locale ?? localeOf(path));
		expect(await page.locator('[data-sponsors] script, .sponsor-banner script').count(), 'sponsors add no script').toBe(0);
		if (lesson) await expectLesson(page, lesson);
		else expect(isNotFoundPage(path), 'a page that is not a lesson is a 404 page').toBe(true);

		await page.setViewportSize(PHONE);
		if (withSponsorBlocks) await expectLessonSponsorsOnPhone(page, lesson.locale);
		await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
		expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 'horizontal scroll on a phone').toBe(0);

		await page.waitForLoadState('networkidle');
		// Inline scripts ran: the theme provider set the theme, the search shortcut was revealed.
		await expect(page.locator('html')).toHaveAttribute('data-theme', /^(light|dark)$/);
		expect(problems).toEqual([]);
	});
}
