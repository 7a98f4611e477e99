import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dropRuleSchema, LAB_CAPTURES, parseShapeLine, PINNED_CAPTURES } from './scenario.ts';
import { dropSelectors, lineOf, normaliseFlags, shapeMismatch, shapeOf } from './shape.ts';

const bytes = (file: string) => new Uint8Array(readFileSync(file));
const halfClose = bytes(join(PINNED_CAPTURES, 'half-close.pcap'));
const lostFin = bytes(join(LAB_CAPTURES, 'lost-fin.pcap'));
const finDrop = [dropRuleSchema.parse({ dir: 'c2s', flags: 'FIN, ACK' })];

describe('parseShapeLine', () => {
	it('reads a line with and without timing', () => {
		expect(parseShapeLine('c>s SYN seq=0 ack=- len=0')).toEqual({ text: 'c>s SYN seq=0 ack=- len=0' });
		expect(parseShapeLine('#2 s>c SYN,ACK seq=0 ack=1 len=0 lost @1±0.1')).toEqual({
			text: '#2 s>c SYN,ACK seq=0 ack=1 len=0 lost',
			at: { t: 1, tolerance: 0.1, sincePrevious: false },
		});
		expect(parseShapeLine('c>s FIN,ACK seq=1 ack=1 len=0 @+0.2±0.05')?.at).toEqual({ t: 0.2, tolerance: 0.05, sincePrevious: true });
	});

	it('refuses what is not a shape line', () => {
		for (const line of ['c>s SYN seq=0 ack=-', 'c2s SYN seq=0 ack=- len=0', 'c>s FIN, ACK seq=1 ack=1 len=0', 'c>s SYN seq=0 ack=- len=0 @1', '#0 c>s SYN seq=0 ack=- len=0']) {
			expect(parseShapeLine(line), line).toBeNull();
		}
	});
});

describe('shapeOf', () => {
	it('writes one line per segment, numbers relative to each side’s ISN', () => {
		expect(shapeOf(halfClose).segments.map(lineOf).slice(0, 4)).toEqual([
			'c>s SYN seq=0 ack=- len=0',
			's>c SYN,ACK seq=0 ack=1 len=0',
			'c>s ACK seq=1 ack=1 len=0',
			'c>s PSH,ACK seq=1 ack=1 len=3',
		]);
	});

	it('marks lost the segments a drop rule selects, and counts them', () => {
		const shape = shapeOf(lostFin, finDrop);
		expect(shape.dropped).toEqual([1]);
		expect(shape.segments.filter((s) => s.lost).map(lineOf)).toEqual(['c>s FIN,ACK seq=1 ack=1 len=0 lost']);
		expect(shape.segments[0]?.t).toBe(0);
	});

	it('gives the lost segments as the model’s selectors', () => {
		const shape = shapeOf(lostFin, finDrop);
		expect(dropSelectors(shape.segments, finDrop)).toEqual([{ connection: 1, dir: 'c2s', flags: 'FIN, ACK', index: 0 }]);
		const third = [dropRuleSchema.parse({ dir: 'c2s', index: 2 })];
		expect(dropSelectors(shapeOf(lostFin, third).segments, third)).toEqual([{ connection: 1, dir: 'c2s', index: 2 }]);
	});
});

describe('shapeMismatch', () => {
	const expected = [
		'c>s SYN seq=0 ack=- len=0',
		's>c SYN,ACK seq=0 ack=1 len=0',
		'c>s ACK seq=1 ack=1 len=0',
		'c>s FIN,ACK seq=1 ack=1 len=0 lost',
		'c>s FIN,ACK seq=1 ack=1 len=0 @+0.2±0.05',
		's>c ACK seq=1 ack=2 len=0',
		's>c FIN,ACK seq=1 ack=2 len=0',
		'c>s ACK seq=2 ack=2 len=0',
	];

	it('is null when the capture has the shape', () => {
		expect(shapeMismatch(expected, shapeOf(lostFin, finDrop))).toBeNull();
	});

	it('names the first differing segment', () => {
		const message = shapeMismatch(expected, shapeOf(lostFin));
		expect(message?.split('\n')[0]).toBe('segment 4: expected "c>s FIN,ACK seq=1 ack=1 len=0 lost", captured "c>s FIN,ACK seq=1 ack=1 len=0"');
	});

	it('names a segment captured too early or too late', () => {
		const late = expected.with(4, 'c>s FIN,ACK seq=1 ack=1 len=0 @+1±0.05');
		expect(shapeMismatch(late, shapeOf(lostFin, finDrop))).toMatch(/^segment 5 \("c>s FIN,ACK seq=1 ack=1 len=0"\): captured 0\.\d{3} s after the segment before, expected 1 ± 0\.05 s/);
	});

	it('says when segments are missing or extra', () => {
		expect(shapeMismatch(expected.slice(0, 7), shapeOf(lostFin, finDrop))).toMatch(/^segment 8: expected no more segments, captured "c>s ACK seq=2 ack=2 len=0"/);
		expect(shapeMismatch([...expected, 'c>s RST seq=2 ack=- len=0'], shapeOf(lostFin, finDrop))).toMatch(/^segment 9: expected "c>s RST seq=2 ack=- len=0", captured none/);
	});
});

describe('normaliseFlags', () => {
	it('orders flags as captures show them', () => {
		expect(normaliseFlags('ACK, FIN')).toBe('FIN, ACK');
		expect(normaliseFlags('ACK,PSH')).toBe('PSH, ACK');
	});
});
