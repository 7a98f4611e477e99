import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { builtPages } from './pages';

/** WCAG 2.2 A and AA, as axe-core tags them. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

for (const path of builtPages()) {
	for (const scheme of ['light', 'dark'] as const) {
		test(`axe: /${path} (${scheme}) has no WCAG 2.2 A/AA violations`, async ({ page }) => {
			await page.emulateMedia({ colorScheme: scheme });
			await page.goto(path);
			await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
			const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
			const report = violations.map(
				(v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`).join('\n')}`,
			);
			expect(report, `axe violations on /${path} (${scheme})`).toEqual([]);
		});
	}
}
