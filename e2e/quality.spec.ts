import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { builtPages } from './pages';

/** WCAG 2.2 A and AA, as axe-core tags them. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

async function violations(page: Page): Promise<string[]> {
	const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	return violations.map(
		(v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`).join('\n')}`,
	);
}

/** Every page, in the light and then the dark colour scheme (Starlight follows the system's). */
for (const path of builtPages()) {
	test(`axe: /${path} has no WCAG 2.2 A/AA violations in light or dark`, async ({ page }) => {
		test.setTimeout(90_000); // two full analyses of a long page; slow on a busy 2-core machine
		await page.emulateMedia({ colorScheme: 'light' });
		await page.goto(path);
		for (const scheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme: scheme });
			await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
			expect(await violations(page), `axe violations on /${path} (${scheme})`).toEqual([]);
		}
	});
}
