import { describe, expect, it } from 'vitest';
import { fixedIsn, seededIsn } from './isn.ts';
import { isSeqNumber } from './sequence.ts';

describe('ISN sources', () => {
	it('fixed sources return their number and reject non-sequence numbers', () => {
		expect(fixedIsn(2 ** 32 - 1)(12345)).toBe(2 ** 32 - 1);
		for (const bad of [-1, 2 ** 32, 0.5, Number.NaN]) {
			expect(() => fixedIsn(bad)).toThrow(expect.objectContaining({ code: 'invalid-isn' }));
		}
	});

	it('seeded sources are deterministic, differ by seed, and advance with the 4 µs clock (§3.4.1)', () => {
		const a = seededIsn(42);
		expect(a(0)).toBe(seededIsn(42)(0));
		expect(a(0)).not.toBe(seededIsn(43)(0));
		expect(isSeqNumber(a(0))).toBe(true);
		expect((a(1) - a(0) + 2 ** 32) % 2 ** 32).toBe(250);
		for (let seed = 0; seed < 50; seed++) expect(isSeqNumber(seededIsn(seed)(1e9))).toBe(true);
	});
});
