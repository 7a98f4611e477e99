/** The loader's glue: reads the configured file, checks images on disk, stores entries, logs counts. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sponsorsLoader } from './loader';

function project(ads: unknown, images: string[]) {
	const root = mkdtempSync(join(tmpdir(), 'sponsors-'));
	mkdirSync(join(root, 'content', 'sponsors', 'images'), { recursive: true });
	writeFileSync(join(root, 'content', 'sponsors', 'ads.json'), typeof ads === 'string' ? ads : JSON.stringify(ads));
	for (const image of images) writeFileSync(join(root, 'content', 'sponsors', 'images', image), '');
	return root;
}

async function load(root: string) {
	const stored = new Map<string, { data: Record<string, unknown>; filePath?: string }>();
	const logs: string[] = [];
	const context = {
		config: { root: pathToFileURL(`${root}/`) },
		store: {
			clear: () => stored.clear(),
			set: (entry: { id: string; data: Record<string, unknown>; filePath?: string }) => stored.set(entry.id, entry),
		},
		logger: { info: (message: string) => logs.push(message), error: (message: string) => logs.push(message) },
		parseData: async ({ data }: { data: Record<string, unknown> }) => data,
		generateDigest: (data: unknown) => String(JSON.stringify(data).length),
	};
	await sponsorsLoader({ file: 'content/sponsors/ads.json' }).load(context as never);
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
		expect(stored.get('1')).toMatchObject({ filePath: 'content/sponsors/ads.json', data: { img: './images/ad1_500_250.png' } });
		expect(logs).toEqual([
			'content/sponsors/ads.json: 5 entries; showing 2 sponsor block(s) and banner id=5; left out 1 unpublished (id=3 status 0) and 1 older banner(s) (id=4)',
		]);
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
