/**
 * Sponsor blocks and the footer banner as readers get them: on every lesson in both locales, with
 * the links, rel, labels and sized, described images they need, without horizontal scroll on a
 * phone, without shifting the layout and without client JavaScript.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { normalise } from '../src/sponsors/normalise';
import { LOCALES, lessons, type Locale } from './lessons';

const DATA = 'content/sponsors/ads.json';
const ROOT = join(import.meta.dirname, '..');
const sponsors = normalise(readFileSync(join(ROOT, DATA), 'utf8'), { file: DATA });
const LABEL: Record<Locale, string> = {
	'zh-CN': JSON.parse(readFileSync(join(ROOT, 'content/i18n/zh-CN.json'), 'utf8'))['sponsors.label'],
	en: JSON.parse(readFileSync(join(ROOT, 'content/i18n/en.json'), 'utf8'))['sponsors.label'],
};
const REL = 'sponsored noopener noreferrer';
const PHONE = { width: 360, height: 780 };
const DESKTOP = { width: 1280, height: 900 };

/** Checks every sponsor link in `scope`: href in data order, rel, target, label, image. */
async function expectSponsorLinks(scope: Locator, expected: { link: string; name: string; txt: string }[], locale: Locale) {
	const links = scope.locator('a');
	await expect(links).toHaveCount(expected.length);
	for (const [index, ad] of expected.entries()) {
		const link = links.nth(index);
		await expect(link).toHaveAttribute('href', ad.link);
		await expect(link).toHaveAttribute('rel', REL);
		await expect(link).toHaveAttribute('target', '_blank');
		await expect(link).toContainText(LABEL[locale]);
		await expect(link).toContainText(ad.txt);
		const img = link.locator('img');
		await expect(img).toHaveCount(1);
		await expect(img).toHaveAttribute('alt', ad.name);
		await expect(img).toHaveAttribute('width', /^\d+$/);
		await expect(img).toHaveAttribute('height', /^\d+$/);
		await expect(img).toHaveAttribute('loading', 'lazy');
	}
}

async function expectBanner(page: Page, locale: Locale) {
	const banner = page.locator('aside.sponsor-banner');
	const { banner: ad } = sponsors;
	if (!ad) {
		await expect(banner).toHaveCount(0);
		return;
	}
	await expect(banner).toHaveCount(1);
	await expect(banner).toBeVisible();
	await expectSponsorLinks(banner, [ad], locale);
}

async function horizontalOverflow(page: Page): Promise<number> {
	return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

for (const locale of LOCALES) {
	for (const lesson of lessons(locale).filter((lesson) => !lesson.splash)) {
		test.describe(`${locale} ${lesson.slug}`, () => {
			test('desktop: blocks under the table of contents, outside the lesson, and the banner', async ({ page }) => {
				await page.setViewportSize(DESKTOP);
				await page.goto(lesson.path);
				const sidebar = page.locator('.right-sidebar [data-sponsors="sidebar"]');
				if (sponsors.blocks.length === 0) {
					await expect(page.locator('[data-sponsors]')).toHaveCount(0);
				} else {
					await expect(sidebar).toBeVisible();
					await expectSponsorLinks(sidebar, sponsors.blocks, locale);
					await expect(page.locator('[data-sponsors="inline"]')).toBeHidden();
				}
				await expect(page.locator('.sl-markdown-content [data-sponsors], .sl-markdown-content .sponsor-banner')).toHaveCount(0);
				await expect(page.locator('[data-sponsors], .sponsor-banner').and(page.locator('[data-pagefind-ignore="all"]'))).toHaveCount(
					(sponsors.blocks.length ? 2 : 0) + (sponsors.banner ? 1 : 0),
				);
				await expectBanner(page, locale);
			});

			test('phone: blocks after the lesson, banner as text, no horizontal scroll', async ({ page }) => {
				await page.setViewportSize(PHONE);
				await page.goto(lesson.path);
				const inline = page.locator('[data-sponsors="inline"]');
				if (sponsors.blocks.length) {
					await expect(inline).toBeVisible();
					await expectSponsorLinks(inline, sponsors.blocks, locale);
					await expect(page.locator('[data-sponsors="sidebar"]')).toBeHidden();
					// After the lesson text and its pagination, not inside them.
					const after = await inline.evaluate((node) => {
						const content = document.querySelector('.sl-markdown-content')!;
						return !!(content.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING);
					});
					expect(after).toBe(true);
				}
				await expectBanner(page, locale);
				if (sponsors.banner) {
					await expect(page.locator('.sponsor-banner img')).toBeHidden();
					await expect(page.locator('.sponsor-banner .sponsor-txt')).toBeVisible();
				}
				await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
				expect(await horizontalOverflow(page)).toBe(0);
			});
		});
	}
}

test('image space is reserved before the images load, so nothing shifts', async ({ page }) => {
	expect(sponsors.blocks.length, 'the shipped ads.json publishes sponsor blocks').toBeGreaterThan(0);
	await page.route(/\.(avif|webp|png|jpe?g)(\?|$)/, (route) => route.abort());
	await page.setViewportSize(DESKTOP);
	await page.goto(lessons('en')[0]!.path);
	const frames = page.locator('[data-sponsors="sidebar"] .sponsor-frame');
	await expect(frames).toHaveCount(sponsors.blocks.length);
	for (const box of await frames.evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().toJSON()))) {
		expect(box.width).toBeGreaterThan(50);
		expect(box.height).toBeCloseTo(box.width / 2, 0);
	}
	const banner = await page.locator('.sponsor-banner .sponsor-frame').boundingBox();
	if (sponsors.banner) expect(banner?.height).toBeGreaterThan(10);
});

test('images are processed by astro:assets into modern formats and load', async ({ page }) => {
	expect(sponsors.blocks.length, 'the shipped ads.json publishes sponsor blocks').toBeGreaterThan(0);
	await page.setViewportSize(DESKTOP);
	await page.goto(lessons('zh-CN')[0]!.path);
	const sidebar = page.locator('[data-sponsors="sidebar"]');
	const types = await sidebar.locator('picture source').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('type')));
	expect(new Set(types)).toEqual(new Set(['image/avif', 'image/webp']));
	const srcs = await sidebar.locator('img').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('src') ?? ''));
	expect(srcs.every((src) => src.includes('/_astro/'))).toBe(true);
	await sidebar.scrollIntoViewIfNeeded();
	await expect
		.poll(() => sidebar.locator('img').evaluateAll((nodes) => nodes.every((node) => (node as HTMLImageElement).naturalWidth > 0)))
		.toBe(true);
});

for (const [locale, path] of [
	['zh-CN', ''],
	['en', 'en/'],
] as const) {
	test(`${locale} home page: the banner, and no sponsor blocks`, async ({ page }) => {
		await page.goto(path);
		await expect(page.locator('[data-sponsors]')).toHaveCount(0);
		await expectBanner(page, locale);
	});
}

test('the banner is on the 404 page too, and sponsor blocks are not', async ({ page }) => {
	await page.goto('no-such-page-for-sponsors/');
	await expect(page.locator('[data-sponsors]')).toHaveCount(0);
	await expectBanner(page, 'zh-CN');
});

test('sponsors add no client JavaScript', async ({ page }) => {
	await page.goto(lessons('en')[0]!.path);
	const sponsorScripts = await page
		.locator('[data-sponsors] script, .sponsor-banner script, .sponsor-sidebar-panel script')
		.count();
	expect(sponsorScripts).toBe(0);
	const srcs = await page.locator('script[src]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('src') ?? ''));
	expect(srcs.filter((src) => /sponsor/i.test(src))).toEqual([]);
});
