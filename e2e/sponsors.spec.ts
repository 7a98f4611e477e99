/**
 * Sponsors beyond what every page shows (every-page.spec.ts checks the blocks and the banner on
 * every page, desktop and phone, with e2e/sponsors.ts): the shipped data itself, image space held
 * before the images load, images processed into modern formats, the banner on a missing page's
 * 404, and no client JavaScript.
 */
import { expect, test } from '@playwright/test';
import { lessons } from './lessons';
import { DESKTOP, expectBannerOnly, sponsors } from './sponsors';

test('the shipped ads.json publishes these sponsor blocks, in id order, and this banner', () => {
	// Read by eye from content/sponsors/ads.json (status 9; type 1 blocks, type 2 the banner): a
	// hand-written answer for what normalise() makes of it, which the page checks compare against.
	// Update it with the data.
	expect(sponsors.blocks.map((ad) => `${ad.adId} ${ad.name}`)).toEqual([
		'1 华为云秒杀',
		'2 腾讯云秒杀',
		'3 阿里云',
		'4 Vultr',
		'5 京东云',
		'6 发布广告',
	]);
	expect(sponsors.blocks[3]).toMatchObject({ link: 'https://www.vultr.com/?ref=9603742-8H', txt: 'Vultr送$100' });
	// toBeDefined first: toMatchObject on undefined stops with a matcher error that drops the message.
	expect(sponsors.banner, 'the shipped data has a banner: without it every banner check would look at nothing').toBeDefined();
	expect(sponsors.banner).toMatchObject({
		adId: 7,
		name: '底部',
		txt: '高性能云服务器2折起',
	});
});

test('image space is reserved before the images load, so nothing shifts', async ({ page }) => {
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
	expect(banner?.height).toBeGreaterThan(10);
});

test('images are processed by astro:assets into modern formats and load', async ({ page }) => {
	await page.setViewportSize(DESKTOP);
	await page.goto(lessons('zh-CN')[0]!.path);
	const sidebar = page.locator('[data-sponsors="sidebar"]');
	const types = await sidebar.locator('picture source').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('type')));
	expect(new Set(types)).toEqual(new Set(['image/avif', 'image/webp']));
	const srcs = await sidebar.locator('img').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('src') ?? ''));
	expect(srcs).toHaveLength(sponsors.blocks.length);
	expect(srcs.every((src) => src.includes('/_astro/'))).toBe(true);
	await sidebar.scrollIntoViewIfNeeded();
	await expect
		.poll(() => sidebar.locator('img').evaluateAll((nodes) => nodes.every((node) => (node as HTMLImageElement).naturalWidth > 0)))
		.toBe(true);
});

test('a missing page answers with the 404 page, which has the banner and no sponsor blocks', async ({ page }) => {
	const response = await page.goto('no-such-page-for-sponsors/');
	expect(response?.status()).toBe(404);
	await expectBannerOnly(page, 'zh-CN');
});

test('sponsors add no client JavaScript', async ({ page }) => {
	await page.goto(lessons('en')[0]!.path);
	const sponsorScripts = await page.locator('[data-sponsors] script, .sponsor-banner script, .sponsor-sidebar-panel script').count();
	expect(sponsorScripts).toBe(0);
	const srcs = await page.locator('script[src]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('src') ?? ''));
	expect(srcs.filter((src) => /sponsor/i.test(src))).toEqual([]);
});
