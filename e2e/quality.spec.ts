import { expect, test } from '@playwright/test';
import { expectNoViolationsInBothSchemes } from './axe';
import { LOCALES, pathOf } from './lessons';
import { builtPages } from './pages';

/** Every page, in the light and then the dark colour scheme (Starlight follows the system's). */
for (const path of builtPages()) {
	test(`axe: /${path} has no WCAG 2.2 A/AA violations in light or dark`, async ({ page }) => {
		test.slow(); // two analyses of a whole page, widgets and diagrams included
		await page.emulateMedia({ colorScheme: 'light' });
		await page.goto(path);
		await expectNoViolationsInBothSchemes(page, { label: `axe violations on /${path}` });
	});
}

/**
 * A widget keeps its height when its code takes over, so the page does not jump under a reader who
 * is scrolling (widgets start half a screen before they come into view: src/widgets/start-near.ts).
 * The widgets' code is held back while the server-rendered heights are measured.
 */
const WIDGETS = '[data-explorer], [data-lab], [data-accept], [data-sm], [data-cap-up]';
const WIDGET_CODE = /\/(explorer|sequence-lab|acceptability|state-machine|upload)\.client\.[\w-]+\.js$/;
for (const slug of ['handshake', 'teardown', 'sequence-numbers', 'sequence-space', 'state-machine', 'real-capture']) {
	for (const locale of LOCALES) {
		const path = pathOf(locale, slug);
		test(`/${path}: its widget keeps its height when it starts, on a phone and a desktop`, async ({ page }) => {
			for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
				await page.setViewportSize(viewport);
				let release!: () => void;
				const released = new Promise<void>((resolve) => (release = resolve));
				await page.route(WIDGET_CODE, async (route) => {
					await released;
					await route.continue();
				});
				await page.goto(path);
				const widgets = page.locator(WIDGETS);
				const heights = () => widgets.evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().height)));
				await expect(widgets).not.toHaveCount(0);
				const before = await heights();
				release();
				for (const widget of await widgets.all()) {
					await widget.scrollIntoViewIfNeeded();
					await expect(widget).toHaveAttribute('data-ready', '');
				}
				expect(await heights(), `widget heights on /${path} at ${viewport.width} px`).toEqual(before);
				await page.unrouteAll();
			}
		});
	}
}
