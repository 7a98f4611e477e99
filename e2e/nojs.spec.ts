import { expect, test } from '@playwright/test';
import { LOCALES, lessons } from './lessons';

/**
 * With JavaScript off, every lesson still reads: its text, its diagrams (one SVG per figure for the
 * colour scheme in use) and each widget's server-rendered fallback are visible. Only a widget's
 * JavaScript-only controls may hide: marked [data-needs-js] or with a `…-live`/`…-live-only` class
 * (the widgets' convention, hidden under `@media (scripting: none)`), and forms; closed <details> and
 * the other colour scheme's diagram are hidden by design. Diagrams are checked figure by figure.
 */
test.use({ javaScriptEnabled: false });

for (const locale of LOCALES) {
	for (const lesson of lessons(locale)) {
		test(`no JS: ${locale} ${lesson.slug} shows its text, diagrams and widget fallbacks`, async ({ page }) => {
			const response = await page.goto(lesson.path);
			expect(response?.status()).toBe(200);
			await expect(page.locator('h1').first()).toHaveText(lesson.title);
			const content = page.locator('main .sl-markdown-content').first();
			await expect(content).toBeVisible();
			expect((await content.innerText()).trim().length, 'lesson text').toBeGreaterThan(200);

			const figures = page.locator('figure.diagram');
			await expect(figures).toHaveCount(lesson.diagrams);
			for (const figure of await figures.all()) {
				await expect(figure.locator('svg:visible').first()).toBeVisible();
				expect(await figure.locator('.diagram-svg > svg:visible').count()).toBe(1);
			}

			const hidden = await content.evaluate((root) => {
				const allowed =
					'[data-needs-js], [class*="-live"], form, [hidden], details:not([open]) > :not(summary), figure.diagram, noscript, template, [aria-hidden="true"]';
				const selector = 'p, li, h2, h3, h4, figcaption, th, td, dt, dd, pre, summary, label, blockquote';
				return [...root.querySelectorAll<HTMLElement>(selector)]
					.filter((el) => el.innerText?.trim() || el.textContent?.trim())
					.filter((el) => !el.closest(allowed) && !el.checkVisibility())
					.map((el) => `<${el.tagName.toLowerCase()} class="${el.className}">${(el.textContent ?? '').trim().slice(0, 60)}`);
			});
			expect(hidden, 'text hidden without JavaScript').toEqual([]);
		});
	}
}
