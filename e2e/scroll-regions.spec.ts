import { expect, test, type Page } from '@playwright/test';

/**
 * Anything in a lesson that scrolls is reachable by keyboard and named (src/quality/scroll-regions.ts,
 * src/diagrams/figure.ts, the widgets' tables), whatever the screen and fonts: on a 360 px phone,
 * where tables, code and diagrams overflow, every box that scrolls sideways is focusable, a region,
 * and has a name; and every lesson table and code block is one from the build, wide or not.
 */

const PAGES = ['handshake/', 'en/handshake/', 'sequence-numbers/', 'en/overview/', 'real-capture/', 'en/state-machine/'];

interface Box {
	what: string;
	tabIndex: number;
	role: string | null;
	name: string;
}

/** Every element in the lesson that scrolls sideways, with what makes it reachable and named. */
async function scrollingBoxes(page: Page): Promise<Box[]> {
	// Diagrams far from the screen are skipped (content-visibility) until the reader nears them:
	// draw them all, to see which would scroll.
	await page.addStyleTag({ content: '.diagram-scroll { content-visibility: visible !important; }' });
	return page.locator('main').evaluate((main) =>
		[...main.querySelectorAll<HTMLElement>('*')]
			.filter((el) => /auto|scroll/.test(getComputedStyle(el).overflowX) && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
			.map((el) => {
				const labelledBy = (el.getAttribute('aria-labelledby') ?? '')
					.split(/\s+/)
					.map((id) => document.getElementById(id)?.textContent ?? '')
					.join(' ');
				return {
					what: `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`,
					tabIndex: el.tabIndex,
					role: el.getAttribute('role'),
					name: (el.getAttribute('aria-label') ?? labelledBy).trim(),
				};
			}),
	);
}

for (const path of PAGES) {
	test(`/${path} at 360 px: every box that scrolls is focusable, a region, and named`, async ({ page }) => {
		await page.setViewportSize({ width: 360, height: 740 });
		await page.goto(path);
		const boxes = await scrollingBoxes(page);
		expect(boxes.length, 'a phone makes some of this page’s tables, code or diagrams scroll').toBeGreaterThan(0);
		for (const box of boxes) {
			expect(box.tabIndex, `${box.what} is focusable`).toBeGreaterThanOrEqual(0);
			expect(box.role, `${box.what} is a region`).toBe('region');
			expect(box.name, `${box.what} has a name`).not.toBe('');
		}
	});
}

test('every lesson table and code block is a named, focusable region from the build, wide or not', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 900 });
	for (const path of ['handshake/', 'en/why-four/']) {
		await page.goto(path);
		const tables = page.locator('.sl-markdown-content table:not([class])');
		expect(await tables.count()).toBeGreaterThan(0);
		for (const table of await tables.all()) {
			const region = table.locator('xpath=..');
			await expect(region).toHaveClass('table-scroll');
			await expect(region).toHaveAttribute('tabindex', '0');
			await expect(region).toHaveAttribute('role', 'region');
			await expect(region).toHaveAttribute('aria-label', /^(Table: |表格：)\S/);
		}
		for (const pre of await page.locator('.expressive-code pre').all()) {
			await expect(pre).toHaveAttribute('aria-label', /^(Code: |代码：)\S/);
		}
	}
});

test('a table region scrolls by keyboard and shows a focus ring, and adds nothing to the look unfocused', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto('en/handshake/');
	const region = page.getByRole('region', { name: 'Table: The big picture' });
	expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
	await region.focus();
	await page.keyboard.press('ArrowRight');
	await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
	const ring = await region.evaluate((el) => el.matches(':focus-visible') && getComputedStyle(el).outlineStyle);
	expect(ring).toBe('solid');
	// Unfocused, the box adds nothing of its own around the table: no border, padding, background or ring.
	await region.evaluate((el) => (el as HTMLElement).blur());
	const box = await region.evaluate((el) => {
		const style = getComputedStyle(el);
		return { border: style.borderStyle, padding: style.padding, background: style.backgroundColor, outline: style.outlineStyle };
	});
	expect(box).toEqual({ border: 'none', padding: '0px', background: 'rgba(0, 0, 0, 0)', outline: 'none' });
});
