/** The loader's glue: reads the configured file, checks images on disk, stores entries, logs counts. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { isFileExactly, sponsorsLoader, type SponsorsLoaderOptions } from './loader';
import { sponsorEntrySchema } from './schema';

/**
 * The collection schema exactly as content.config.ts declares it, with a stand-in for the `image`
 * helper Astro passes (it resolves `./images/<file>` into image metadata; here the path must be one).
 */
const collectionSchema = sponsorEntrySchema(() => z.string().regex(/^\.\/images\/[^/]+$/));

function project(ads: unknown, images: string[]) {
	const root = mkdtempSync(join(tmpdir(), 'sponsors-'));
	mkdirSync(join(root, 'content', 'sponsors', 'images'), { recursive: true });
	writeFileSync(join(root, 'content', 'sponsors', 'ads.json'), typeof ads === 'string' ? ads : JSON.stringify(ads));
	for (const image of images) writeFileSync(join(root, 'content', 'sponsors', 'images', image), '');
	return root;
}

async function load(root: string, options: Partial<SponsorsLoaderOptions> = {}) {
	const stored = new Map<string, { data: Record<string, unknown>; filePath?: string }>();
	const logs: string[] = [];
	const context = {
		config: { root: pathToFileURL(`${root}/`) },
		store: {
			clear: () => stored.clear(),
			set: (entry: { id: string; data: Record<string, unknown>; filePath?: string }) => stored.set(entry.id, entry),
		},
		logger: { info: (message: string) => logs.push(message), error: (message: string) => logs.push(message) },
		// As Astro's does: the entry through the collection schema, an error naming the entry if it fails.
		parseData: async ({ id, data }: { id: string; data: Record<string, unknown> }) => {
			const parsed = collectionSchema.safeParse(data);
			if (!parsed.success) throw new Error(`sponsors → ${id}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
			return parsed.data;
		},
		generateDigest: (data: unknown) => String(JSON.stringify(data).length),
	};
	await sponsorsLoader({ file: 'content/sponsors/ads.json', ...options }).load(context as never);
	return { stored, logs };
}

const ad = (id: number, more: Record<string, unknown> = {}) => ({
	id,
	type: 1,
	status: 9,
	name: `Ad ${id}`,
	txt: `Text ${id}`,
	link: `https://example.com/${id}`,
	img: `ad${id}_500_250.png`,
	createTime: 0,
	updateTime: 0,
	userId: 1,
	...more,
});

describe('sponsorsLoader', () => {
	it('stores published entries with the data file as their file path and logs what it left out', async () => {
		const root = project([ad(2), ad(1), ad(3, { status: 0 }), ad(4, { type: 2 }), ad(5, { type: 2, updateTime: 9 })], [
			'ad1_500_250.png',
			'ad2_500_250.png',
			'ad4_500_250.png',
			'ad5_500_250.png',
		]);
		const { stored, logs } = await load(root);
		expect([...stored.keys()]).toEqual(['1', '2', '5']);
		expect(stored.get('1')).toEqual({
			id: '1',
			filePath: 'content/sponsors/ads.json',
			digest: expect.any(String),
			data: {
				adId: 1,
				kind: 'block',
				name: 'Ad 1',
				txt: 'Text 1',
				link: 'https://example.com/1',
				img: './images/ad1_500_250.png',
				lang: 'zh-CN',
				createdAt: new Date(0),
				updatedAt: new Date(0),
				userId: 1,
			},
		});
		expect(stored.get('5')?.data).toMatchObject({ kind: 'banner', updatedAt: new Date(9) });
		expect(logs).toEqual([
			'content/sponsors/ads.json: 5 entries; showing 2 sponsor block(s) and banner id=5; left out 1 unpublished (id=3 status 0) and 1 older banner(s) (id=4)',
		]);
	});

	it('hands every entry through the collection schema, which refuses what it does not allow', async () => {
		// normalise() does not check `lang` (it is the site's setting, not the owners' data); the
		// collection schema does, so an empty one stops the build naming the entry.
		const root = project([ad(1)], ['ad1_500_250.png']);
		await expect(load(root, { lang: '' })).rejects.toThrow('sponsors → 1: lang: Too small');
	});

	it('fails naming the entry and the file when an image is missing, with exact case', async () => {
		const root = project([ad(1), ad(2)], ['ad1_500_250.png', 'AD2_500_250.png']);
		await expect(load(root)).rejects.toThrow(
			'content/sponsors/ads.json: entry id=2 (index 1): field "img": image file not found: content/sponsors/images/ad2_500_250.png',
		);
	});

	it('fails naming the file when it cannot be read', async () => {
		const root = mkdtempSync(join(tmpdir(), 'sponsors-'));
		await expect(load(root)).rejects.toThrow('content/sponsors/ads.json: cannot be read (ENOENT)');
	});

	it('an empty array stores nothing', async () => {
		const { stored, logs } = await load(project('[]', []));
		expect(stored.size).toBe(0);
		expect(logs[0]).toBe('content/sponsors/ads.json: 0 entries; showing 0 sponsor block(s) and no banner; left out none');
	});
});

describe('isFileExactly', () => {
	/** A case-insensitive file system (macOS's, Windows's default): stat finds a file whatever the case. */
	const caseInsensitive = (listing: string[]) => ({
		statSync(path: string) {
			const name = path.split('/').at(-1)!.toLowerCase();
			if (!listing.some((file) => file.toLowerCase() === name)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
			return { isFile: () => true };
		},
		readdirSync: () => listing,
	});

	it('finds a file whose name matches exactly', () => {
		expect(isFileExactly('/site/images/ad2_500_250.png', caseInsensitive(['ad1_500_250.png', 'ad2_500_250.png']))).toBe(true);
	});

	it('refuses a name in another case even where stat finds it, as a case-sensitive host would', () => {
		const fs = caseInsensitive(['AD2_500_250.png']);
		expect(fs.statSync('/site/images/ad2_500_250.png').isFile()).toBe(true);
		expect(isFileExactly('/site/images/ad2_500_250.png', fs)).toBe(false);
	});

	it('refuses a missing file and a folder', () => {
		expect(isFileExactly('/site/images/none.png', caseInsensitive([]))).toBe(false);
		expect(isFileExactly('/site/images/dir', { statSync: () => ({ isFile: () => false }), readdirSync: () => ['dir'] })).toBe(false);
	});
});
