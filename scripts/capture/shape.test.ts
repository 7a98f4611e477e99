import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAPTURES, EXPECTED_SHAPES, shapeOf } from './shape.ts';

const directory = join(import.meta.dirname, '../../content/captures');

describe('committed captures', () => {
	it.each(CAPTURES)('%s.pcap has the expected segments', (name) => {
		const bytes = new Uint8Array(readFileSync(join(directory, `${name}.pcap`)));
		expect(shapeOf(bytes)).toEqual(EXPECTED_SHAPES[name]);
	});
});
