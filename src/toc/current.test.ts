import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currentIndex } from './current';

describe('currentIndex', () => {
	it('is the first heading before any has passed the line', () => {
		expect(currentIndex([0, 400, 900], -10)).toBe(0);
		expect(currentIndex([100, 400, 900], 50)).toBe(0);
	});
	it('is the last heading at or above the line', () => {
		expect(currentIndex([-800, -300, 90, 600], 90)).toBe(2);
		expect(currentIndex([-800, -300, 91, 600], 90)).toBe(1);
		expect(currentIndex([-2000, -1500, -900], 90)).toBe(2);
	});
	it('never points past a heading that is still below the line', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: -5000, max: 5000 }), { minLength: 1 }), fc.integer({ min: -100, max: 1000 }), (raw, line) => {
				const tops = [...raw].sort((a, b) => a - b);
				const i = currentIndex(tops, line);
				expect(i).toBeGreaterThanOrEqual(0);
				expect(i).toBeLessThan(tops.length);
				if (i > 0) expect(tops[i]).toBeLessThanOrEqual(line);
				if (i + 1 < tops.length) expect(tops[i + 1]).toBeGreaterThan(line);
			}),
		);
	});
});
