import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Opens a lesson and brings its widget (`selector`) into view until it has started: widgets load
 * their code when the reader nears them (src/widgets/start-near.ts), and a test acts faster than
 * any reader.
 */
export async function openWidget(page: Page, path: string, selector: string): Promise<Locator> {
	await page.goto(path);
	const widget = page.locator(selector).first();
	await widget.scrollIntoViewIfNeeded();
	await expect(widget).toHaveAttribute('data-ready', '');
	return widget;
}
