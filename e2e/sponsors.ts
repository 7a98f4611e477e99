/**
 * Sponsor blocks and the footer banner as a reader gets them on a page: links in data order with
 * their rel, target, label and sized, described, lazy images; blocks under the table of contents on
 * a desktop and after the lesson on a phone, never inside the lesson; the banner on every page.
 * Used on every page by every-page.spec.ts (no page load of their own); sponsors.spec.ts holds the
 * checks that need one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { normalise } from '../src/sponsors/normalise';
import type { Locale } from './lessons';

const DATA = 'content/sponsors/ads.json';
const ROOT = join(import.meta.dirname, '..');
/** The shipped data as the site reads it. sponsors.spec.ts checks it against a hand-written list. */
export const sponsors = normalise(readFileSync(join(ROOT, DATA), 'utf8'), { file: DATA });
const LABEL: Record<Locale, string> = {
	'zh-CN': JSON.parse(readFileSync(join(ROOT, 'content/i18n/zh-CN.json'), 'utf8'))['sponsors.label'],
	en: JSON.parse(readFileSync(join(ROOT, 'content/i18n/en.json'), 'utf8'))['sponsors.label'],
};
const REL = 'sponsored noopener noreferrer';
export const PHONE = { width: 360, height: 780 };
export const DESKTOP = { width: 1280, height: 900 };

/** The shipped banner; the checks are written for data that has one (sponsors.spec.ts asserts it does). */
function shippedBanner() {
	if (!sponsors.banner) throw new Error(`${DATA} publishes no banner: the banner checks need one`);
	return sponsors.banner;
}

/**
 * Checks every sponsor link in `scope`: href in data order, rel, target, label and text, and one
 * image with its alt, width, height and lazy loading. Read in one go: the page is static HTML.
 */
async function expectSponsorLinks(scope: Locator, expected: { link: string; name: string; txt: string }[], locale: Locale) {
	const found = await scope.locator('a').evaluateAll((links) =>
		links.map((a) => {
			const imgs = a.querySelectorAll('img');
			return {
				href: a.getAttribute('href'),
				rel: a.getAttribute('rel'),
				target: a.getAttribute('target'),
				text: a.textContent ?? '',
				images: imgs.length,
				alt: imgs[0]?.getAttribute('alt'),
				size: /^\d+x\d+$/.test(`${imgs[0]?.getAttribute('width')}x${imgs[0]?.getAttribute('height')}`),
				loading: imgs[0]?.getAttribute('loading'),
			};
		}),
	);
	expect(found.map((link) => ({ ...link, text: link.text.includes(LABEL[locale]) && link.text }))).toEqual(
		expected.map((ad) => ({
			href: ad.link,
			rel: REL,
			target: '_blank',
			text: expect.stringContaining(ad.txt),
			images: 1,
			alt: ad.name,
			size: true,
			loading: 'lazy',
		})),
	);
}

async function expectBanner(page: Page, locale: Locale) {
	const banner = page.locator('aside.sponsor-banner');
	await expect(banner).toHaveCount(1);
	await expect(banner).toBeVisible();
	await expectSponsorLinks(banner, [shippedBanner()], locale);
}

/** A page without sponsor blocks (the home pages, the 404 pages): the banner only. */
export async function expectBannerOnly(page: Page, locale: Locale) {
	await expect(page.locator('[data-sponsors]')).toHaveCount(0);
	await expectBanner(page, locale);
}

/** A lesson at desktop width: blocks under the table of contents, outside the lesson, and the banner. */
export async function expectLessonSponsorsOnDesktop(page: Page, locale: Locale) {
	const sidebar = page.locator('.right-sidebar [data-sponsors="sidebar"]');
	await expect(sidebar).toBeVisible();
	await expectSponsorLinks(sidebar, sponsors.blocks, locale);
	await expect(page.locator('[data-sponsors="inline"]')).toBeHidden();
	await expect(page.locator('.sl-markdown-content [data-sponsors], .sl-markdown-content .sponsor-banner')).toHaveCount(0);
	// Kept out of the search index: the sidebar and inline blocks, and the banner.
	await expect(page.locator('[data-sponsors], .sponsor-banner').and(page.locator('[data-pagefind-ignore="all"]'))).toHaveCount(3);
	await expectBanner(page, locale);
}

/** A lesson at phone width: blocks after the lesson, the banner as text, no horizontal scroll. */
export async function expectLessonSponsorsOnPhone(page: Page, locale: Locale) {
	const inline = page.locator('[data-sponsors="inline"]');
	await expect(inline).toBeVisible();
	await expectSponsorLinks(inline, sponsors.blocks, locale);
	await expect(page.locator('[data-sponsors="sidebar"]')).toBeHidden();
	// After the lesson text and its pagination, not inside them.
	const after = await inline.evaluate((node) => {
		const content = document.querySelector('.sl-markdown-content')!;
		return !!(content.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING);
	});
	expect(after).toBe(true);
	await expectBanner(page, locale);
	await expect(page.locator('.sponsor-banner img')).toBeHidden();
	await expect(page.locator('.sponsor-banner .sponsor-txt')).toBeVisible();
}
