import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalise, SponsorDataError, type NormaliseOptions } from './normalise';

const FILE = 'content/sponsors/ads.json';
const SEED = readFileSync(join(import.meta.dirname, '..', '..', 'content', 'sponsors', 'ads.json'), 'utf8');
const options: NormaliseOptions = { file: FILE, imageExists: () => true };

/** A valid published sponsor block in the owners' format; override fields per test. */
function ad(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		createTime: 1735660800000,
		id: 1,
		img: 'a_500_250.png',
		link: 'https://example.com/a',
		name: 'A',
		status: 9,
		txt: 'A text',
		type: 1,
		updateTime: 1735660800000,
		userId: 3,
		...overrides,
	};
}
const json = (value: unknown) => JSON.stringify(value);

/** The SponsorDataError `normalise` throws for `text`; fails the test if it does not throw one. */
function errorOf(text: string, opts: NormaliseOptions = options): SponsorDataError {
	try {
		normalise(text, opts);
	} catch (error) {
		expect(error).toBeInstanceOf(SponsorDataError);
		return error as SponsorDataError;
	}
	throw new Error('expected normalise to throw');
}

describe('normalise: the owners’ seed file', () => {
	const result = normalise(SEED, options);

	it('yields the six type-1 entries as blocks, ordered by id, and type 2 as the banner', () => {
		expect(result.blocks.map((entry) => entry.adId)).toEqual([1, 2, 3, 4, 5, 6]);
		expect(result.blocks.every((entry) => entry.kind === 'block')).toBe(true);
		expect(result.banner?.adId).toBe(7);
		expect(result.banner?.kind).toBe('banner');
		expect(result.total).toBe(7);
		expect(result.unpublished).toEqual([]);
		expect(result.olderBanners).toEqual([]);
	});

	it('normalises fields: string id, dates from epoch ms, image path beside the data file', () => {
		const first = result.blocks[0]!;
		expect(first).toEqual({
			id: '1',
			adId: 1,
			kind: 'block',
			name: '华为云秒杀',
			txt: '华为云38元秒杀',
			link: 'https://activity.huaweicloud.com/cps.html?fromacct=261f35b6-af54-4511-a2ca-910fa15905d1&utm_source=V1g3MDY4NTY=&utm_medium=cps&utm_campaign=201905',
			img: './images/hwy_ms_500_252.jpeg',
			lang: 'zh-CN',
			createdAt: new Date('2025-01-01T12:35:52.000Z'),
			updatedAt: new Date(1735747411000),
			userId: 3,
		});
		expect(result.blocks[2]!.memo).toBe('');
		expect('memo' in result.blocks[0]!).toBe(false);
	});
});

describe('normalise: what is shown', () => {
	it('orders entries by id whatever the file order', () => {
		const result = normalise(json([ad({ id: 30 }), ad({ id: 4 }), ad({ id: 12 })]), options);
		expect(result.blocks.map((entry) => entry.id)).toEqual(['4', '12', '30']);
	});

	it('shows only status 9 and counts the rest', () => {
		const result = normalise(json([ad({ id: 1 }), ad({ id: 2, status: 0 }), ad({ id: 3, status: 1 })]), options);
		expect(result.blocks.map((entry) => entry.adId)).toEqual([1]);
		expect(result.unpublished).toEqual([
			{ id: 2, status: 0 },
			{ id: 3, status: 1 },
		]);
	});

	it('picks the banner with the newest updateTime; ties go to the higher id', () => {
		const banners = [
			ad({ id: 5, type: 2, updateTime: 200 }),
			ad({ id: 6, type: 2, updateTime: 300 }),
			ad({ id: 7, type: 2, updateTime: 100 }),
			ad({ id: 8, type: 2, updateTime: 900, status: 1 }),
		];
		const result = normalise(json(banners), options);
		expect(result.banner?.adId).toBe(6);
		expect(result.olderBanners).toEqual([5, 7]);
		expect(result.unpublished).toEqual([{ id: 8, status: 1 }]);
		const tie = normalise(json([ad({ id: 2, type: 2 }), ad({ id: 9, type: 2 })]), options);
		expect(tie.banner?.adId).toBe(9);
	});

	it('accepts an empty array: no blocks and no banner', () => {
		const result = normalise('[]', options);
		expect(result.blocks).toEqual([]);
		expect(result.banner).toBeUndefined();
		expect('banner' in result).toBe(false);
	});

	it('keeps markup in name, txt and memo as plain text, unchanged', () => {
		const markup = '<img src=x onerror=alert(1)><script>alert(1)</script>&amp;';
		const [entry] = normalise(json([ad({ name: markup, txt: markup, memo: markup })]), options).blocks;
		expect(entry).toMatchObject({ name: markup, txt: markup, memo: markup });
	});

	it('accepts a byte-order mark, a null memo and fields it does not know', () => {
		const result = normalise(`\uFEFF${json([ad({ memo: null, extra: 'ignored' })])}`, options);
		expect(result.blocks[0]).not.toHaveProperty('memo');
		expect(result.blocks[0]).not.toHaveProperty('extra');
	});

	it('accepts img in a subfolder of the images folder and http links', () => {
		const [entry] = normalise(json([ad({ img: '2025/./b.webp', link: 'http://example.com' })]), options).blocks;
		expect(entry?.img).toBe('./images/2025/b.webp');
		expect(entry?.link).toBe('http://example.com/');
	});

	it('places images relative to a configured images folder', () => {
		const [entry] = normalise(json([ad()]), { ...options, imagesDir: 'content/sponsors/art' }).blocks;
		expect(entry?.img).toBe('./art/a_500_250.png');
	});
});

describe('normalise: bad input fails with a message naming file, entry and field', () => {
	it('not valid JSON', () => {
		expect(errorOf('[{"id": 1,').message).toMatch(/^content\/sponsors\/ads\.json: is not valid JSON: /);
	});

	it('not an array', () => {
		expect(errorOf(json({ id: 1 })).message).toBe('content/sponsors/ads.json: must be a JSON array of ads, got an object');
		expect(errorOf('null').message).toBe('content/sponsors/ads.json: must be a JSON array of ads, got null');
	});

	it('an entry that is not an object', () => {
		expect(errorOf(json([ad(), 'x'])).message).toBe(
			'content/sponsors/ads.json: entry at index 1 (no id): must be an object, got a string',
		);
	});

	it.each(['id', 'type', 'status', 'name', 'txt', 'link', 'img', 'createTime', 'updateTime', 'userId'])(
		'required field "%s" missing',
		(field) => {
			const entry = ad({ id: 3 });
			delete entry[field];
			const where = field === 'id' ? 'entry at index 1 (no id)' : 'entry id=3 (index 1)';
			expect(errorOf(json([ad({ id: 1 }), entry])).message).toBe(
				`content/sponsors/ads.json: ${where}: field "${field}": is required but missing`,
			);
		},
	);

	it.each([
		['id', '3', 'entry id="3" (index 0)', 'must be a positive integer, got string "3"'],
		['id', 1.5, 'entry id=1.5 (index 0)', 'must be a positive integer, got 1.5'],
		['type', '1', 'entry id=1 (index 0)', 'must be an integer, got string "1"'],
		['status', null, 'entry id=1 (index 0)', 'must be an integer, got null'],
		['name', 42, 'entry id=1 (index 0)', 'must be a string, got 42'],
		['txt', ['a'], 'entry id=1 (index 0)', 'must be a string, got an array ["a"]'],
		['link', { href: 'x' }, 'entry id=1 (index 0)', 'must be a string, got an object {"href":"x"}'],
		['img', false, 'entry id=1 (index 0)', 'must be a string, got false'],
		['memo', 7, 'entry id=1 (index 0)', 'must be a string, got 7'],
		[
			'createTime',
			'2025-01-01',
			'entry id=1 (index 0)',
			'must be a time in epoch milliseconds (a non-negative integer), got string "2025-01-01"',
		],
		['updateTime', -1, 'entry id=1 (index 0)', 'must be a time in epoch milliseconds (a non-negative integer), got -1'],
		['userId', '3', 'entry id=1 (index 0)', 'must be an integer, got string "3"'],
	])('field "%s" of the wrong type (%j)', (field, value, where, message) => {
		expect(errorOf(json([ad({ [field]: value })])).message).toBe(
			`content/sponsors/ads.json: ${where}: field "${field}": ${message}`,
		);
	});

	it('unknown type', () => {
		expect(errorOf(json([ad({ id: 4, type: 3 })])).message).toBe(
			'content/sponsors/ads.json: entry id=4 (index 0): field "type": unknown type 3: must be 1 (sponsor block) or 2 (footer banner)',
		);
	});

	it('unknown type, even when the entry is not published', () => {
		expect(errorOf(json([ad({ type: 0, status: 1 })])).message).toContain('field "type": unknown type 0');
	});

	it('duplicate id', () => {
		expect(errorOf(json([ad({ id: 2 }), ad({ id: 5 }), ad({ id: 2 })])).message).toBe(
			'content/sponsors/ads.json: entry id=2 (index 2): field "id": duplicate id 2: already used by the entry at index 0',
		);
	});

	it.each([
		'javascript:alert(1)',
		'JavaScript:alert(1)',
		'data:text/html,<script>alert(1)</script>',
		'/relative/path',
		'relative/path',
		'//example.com/protocol-relative',
		'ftp://example.com/file',
		'mailto:ads@example.com',
		'https:/example.com',
		' https://example.com',
		'https://exa mple.com',
		'java\tscript:alert(1)',
		'',
	])('link that is not an absolute http(s) URL: %j', (link) => {
		expect(errorOf(json([ad({ id: 3 }), ad({ id: 1, link })])).message).toBe(
			`content/sponsors/ads.json: entry id=1 (index 1): field "link": must be an absolute http(s) URL, got ${JSON.stringify(link)}`,
		);
	});

	it('the reference message for a javascript: link', () => {
		const entries = [ad({ id: 1 }), ad({ id: 2 }), ad({ id: 3, link: 'javascript:alert(1)' })];
		expect(errorOf(json(entries)).message).toBe(
			'content/sponsors/ads.json: entry id=3 (index 2): field "link": must be an absolute http(s) URL, got "javascript:alert(1)"',
		);
	});

	it('link with a user name or password', () => {
		expect(errorOf(json([ad({ link: 'https://user:pw@example.com/' })])).message).toBe(
			'content/sponsors/ads.json: entry id=1 (index 0): field "link": must not contain a user name or password, got "https://user:pw@example.com/"',
		);
	});

	it.each(['../secret.png', 'a/../../secret.png', '..', 'sub/../../../etc/passwd.png'])(
		'img that escapes the images folder: %j',
		(img) => {
			expect(errorOf(json([ad({ id: 6, img })])).message).toBe(
				`content/sponsors/ads.json: entry id=6 (index 0): field "img": escapes the images folder: must be a file inside content/sponsors/images/, got ${JSON.stringify(img)}`,
			);
		},
	);

	it.each(['/etc/passwd.png', '..\\secret.png', 'https://cdn.example.com/a.png', 'C:/a.png', 'file:///a.png'])(
		'img that is not a relative path inside the images folder: %j',
		(img) => {
			expect(errorOf(json([ad({ img })])).message).toBe(
				`content/sponsors/ads.json: entry id=1 (index 0): field "img": must be a relative path to a file inside content/sponsors/images/, got ${JSON.stringify(img)}`,
			);
		},
	);

	it('img that is not an image file', () => {
		expect(errorOf(json([ad({ img: 'notes.txt' })])).message).toBe(
			'content/sponsors/ads.json: entry id=1 (index 0): field "img": must be an image file (.jpeg, .jpg, .png, .webp, .avif, .gif, .tiff), got "notes.txt"',
		);
	});

	it('img that does not exist, naming the entry and the file', () => {
		const opts = { ...options, imageExists: (img: string) => img !== 'missing_500_250.png' };
		expect(errorOf(json([ad(), ad({ id: 9, img: 'missing_500_250.png' })]), opts).message).toBe(
			'content/sponsors/ads.json: entry id=9 (index 1): field "img": image file not found: content/sponsors/images/missing_500_250.png',
		);
	});

	it('a missing image is not an error for an unpublished entry', () => {
		const opts = { ...options, imageExists: () => false };
		expect(normalise(json([ad({ status: 1 })]), opts).unpublished).toEqual([{ id: 1, status: 1 }]);
	});

	it('lists every problem, one line each, and keeps them on the error', () => {
		const error = errorOf(json([ad({ id: 1, link: 'javascript:x' }), ad({ id: 2, type: 5, img: '../x.png' })]));
		expect(error.message.split('\n')).toEqual([
			'content/sponsors/ads.json: entry id=1 (index 0): field "link": must be an absolute http(s) URL, got "javascript:x"',
			'content/sponsors/ads.json: entry id=2 (index 1): field "type": unknown type 5: must be 1 (sponsor block) or 2 (footer banner)',
			'content/sponsors/ads.json: entry id=2 (index 1): field "img": escapes the images folder: must be a file inside content/sponsors/images/, got "../x.png"',
		]);
		expect(error.problems.map((problem) => [problem.index, problem.field])).toEqual([
			[0, 'link'],
			[1, 'type'],
			[1, 'img'],
		]);
	});

	it('names the file as configured', () => {
		expect(errorOf('{', { file: 'data/other.json' }).message).toMatch(/^data\/other\.json: is not valid JSON/);
	});
});
