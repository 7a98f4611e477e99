/** The shipped data and stand-in images agree, and the components never render data as HTML. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sizeFromName } from './generate-images';
import { normalise } from './normalise';

const ROOT = join(import.meta.dirname, '..', '..');
const DATA = join(ROOT, 'content', 'sponsors', 'ads.json');
const IMAGES = join(ROOT, 'content', 'sponsors', 'images');

describe('shipped sponsor images', () => {
	const files = readdirSync(IMAGES);

	it('exist for every published entry of the shipped data', () => {
		const names = new Set(files);
		expect(() => normalise(readFileSync(DATA, 'utf8'), { file: 'content/sponsors/ads.json', imageExists: (img) => names.has(img) })).not.toThrow();
	});

	it.each(files.filter((file) => sizeFromName(file)))('%s has the size its name states', async (file) => {
		const { width, height } = await sharp(join(IMAGES, file)).metadata();
		expect({ width, height }).toEqual(sizeFromName(file));
	});

	it('are small (under 64 KB together)', () => {
		const bytes = files.reduce((sum, file) => sum + statSync(join(IMAGES, file)).size, 0);
		expect(bytes).toBeLessThan(64 * 1024);
	});
});

describe('sponsor components', () => {
	it.each(readdirSync(import.meta.dirname).filter((file) => file.endsWith('.astro')))(
		'%s never renders data as raw HTML and adds no client script',
		(file) => {
			const source = readFileSync(join(import.meta.dirname, file), 'utf8');
			expect(source).not.toMatch(/set:html|<script|client:/);
		},
	);
});
