import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSeqNumber, SEQ_MOD, seqAdd, seqGeq, seqGt, seqLeq, seqLt, seqSub } from './sequence.ts';

const seqArb = fc.integer({ min: 0, max: SEQ_MOD - 1 });
const nearWrap = fc.integer({ min: SEQ_MOD - 10, max: SEQ_MOD - 1 });

describe('sequence arithmetic (RFC 9293 §3.4)', () => {
	it('wraps at 2^32', () => {
		expect(seqAdd(SEQ_MOD - 1, 1)).toBe(0);
		expect(seqAdd(SEQ_MOD - 3, 10)).toBe(7);
		expect(seqAdd(0, -1)).toBe(SEQ_MOD - 1);
	});

	it('orders across the wrap', () => {
		expect(seqLt(SEQ_MOD - 1, 0)).toBe(true);
		expect(seqGt(0, SEQ_MOD - 1)).toBe(true);
		expect(seqLeq(5, 5) && seqGeq(5, 5)).toBe(true);
		expect(seqSub(2, SEQ_MOD - 3)).toBe(5);
		expect(seqSub(SEQ_MOD - 3, 2)).toBe(-5);
	});

	it('recognises valid sequence numbers', () => {
		for (const x of [0, 1, SEQ_MOD - 1]) expect(isSeqNumber(x)).toBe(true);
		for (const x of [-1, SEQ_MOD, 1.5, Number.NaN, '1', null]) expect(isSeqNumber(x)).toBe(false);
	});

	it('x + n is after x for 0 < n < 2^31, from anywhere including near the wrap', () => {
		fc.assert(
			fc.property(fc.oneof(seqArb, nearWrap), fc.integer({ min: 1, max: 2 ** 31 - 1 }), (x, n) => {
				const y = seqAdd(x, n);
				return isSeqNumber(y) && seqLt(x, y) && seqGt(y, x) && seqSub(y, x) === n && !seqLt(y, x);
			}),
			{ numRuns: 1000 },
		);
	});
});
