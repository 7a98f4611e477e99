/** axe-core over a page or part of it, as the specs run it. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.2 A and AA, as axe-core tags them: the level the site is held to, so every run checks it. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * The WCAG 2.2 A/AA violations axe finds on `page` (or within `include` selectors), one line each with the
 * elements at fault. Legacy mode runs axe in the page itself: the default also opens a blank page
 * per analysis to merge frames' results, which the site has none of, and that made each analysis
 * about three times slower on a busy 2-core machine (measured: 25 s against 9 s, then 15 s against
 * 5 s, for the state-machine widget). Only violations are kept in full (axe's `resultTypes`): the
 * specs read nothing else, and axe then skips building selectors for every node that passes
 * (median 2.7 s against 3.8 s per analysis over 12 interleaved runs on three long pages, machine
 * shared, measured with every axe rule on in the faster arm). The rules and what they see are the same.
 */
export async function axeViolations(page: Page, { include = [] }: { include?: string[] } = {}): Promise<string[]> {
	// options() replaces every option set before it, the tags included: it comes first.
	let builder = new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] }).withTags(WCAG_TAGS);
	for (const selector of include) builder = builder.include(selector);
	const { violations } = await builder.analyze();
	return violations.map(
		(v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`).join('\n')}`,
	);
}

/**
 * Asserts no violations in the light and then the dark colour scheme (Starlight follows the
 * system's: the page's data-theme must have switched before axe looks). Each failure names the
 * scheme, after `label` when one is given.
 */
export async function expectNoViolationsInBothSchemes(page: Page, { include = [], label }: { include?: string[]; label?: string } = {}) {
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
		expect(await axeViolations(page, { include }), label ? `${label} (${scheme})` : scheme).toEqual([]);
	}
}
