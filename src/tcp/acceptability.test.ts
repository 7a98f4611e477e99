import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ackAcceptability, MAX_WINDOW, receiveAcceptability, resetAcceptability } from './acceptability.ts';
import { TcpError } from './errors.ts';
import { SEQ_MOD, seqAdd } from './sequence.ts';

const verdict = (rcvNxt: number, rcvWnd: number, segSeq: number, segLen: number) => {
	const v = receiveAcceptability({ rcvNxt, rcvWnd, segSeq, segLen });
	return `row ${v.row} ${v.acceptable ? 'acceptable' : 'not acceptable'}`;
};

describe('receiveAcceptability: RFC 9293 §3.4 Table 5, row by row', () => {
	it('row 1, SEG.LEN 0 and RCV.WND 0: only SEG.SEQ = RCV.NXT', () => {
		expect(verdict(1000, 0, 1000, 0)).toBe('row 1 acceptable');
		expect(verdict(1000, 0, 1001, 0)).toBe('row 1 not acceptable');
		expect(verdict(1000, 0, 999, 0)).toBe('row 1 not acceptable');
	});

	it('row 2, SEG.LEN 0 and RCV.WND > 0: RCV.NXT =< SEG.SEQ < RCV.NXT+RCV.WND, the right edge excluded', () => {
		expect(verdict(1000, 500, 1000, 0)).toBe('row 2 acceptable');
		expect(verdict(1000, 500, 1499, 0)).toBe('row 2 acceptable');
		expect(verdict(1000, 500, 1500, 0)).toBe('row 2 not acceptable');
		expect(verdict(1000, 500, 999, 0)).toBe('row 2 not acceptable');
	});

	it('row 3, SEG.LEN > 0 and RCV.WND 0: never, not even at RCV.NXT', () => {
		expect(verdict(1000, 0, 1000, 1)).toBe('row 3 not acceptable');
		expect(receiveAcceptability({ rcvNxt: 1000, rcvWnd: 0, segSeq: 1000, segLen: 100 }).tests).toEqual([]);
	});

	it('row 4, SEG.LEN > 0 and RCV.WND > 0: the first or the last number in the window', () => {
		// Starts in the window, ends past it: acceptable (the part past the window is trimmed).
		expect(receiveAcceptability({ rcvNxt: 1000, rcvWnd: 500, segSeq: 1400, segLen: 200 })).toEqual({
			row: 4,
			acceptable: true,
			tests: [
				{ test: 'first', value: 1400, holds: true },
				{ test: 'last', value: 1599, holds: false },
			],
			windowEnd: 1500,
		});
		// Starts before RCV.NXT, ends inside: acceptable, only the new part is processed.
		expect(verdict(1000, 500, 900, 200)).toBe('row 4 acceptable');
		// Ends at 999: everything already received, an old duplicate.
		expect(verdict(1000, 500, 900, 100)).toBe('row 4 not acceptable');
		expect(verdict(1000, 500, 1500, 1)).toBe('row 4 not acceptable');
		// Read literally, the two tests miss a segment that covers the whole window.
		expect(verdict(1000, 500, 900, 700)).toBe('row 4 not acceptable');
	});

	it('counts modulo 2^32: a window that wraps past 2^32 − 1', () => {
		const v = receiveAcceptability({ rcvNxt: 4294967000, rcvWnd: 1000, segSeq: 200, segLen: 0 });
		expect(v).toMatchObject({ row: 2, acceptable: true, windowEnd: 704 });
		expect(verdict(4294967000, 1000, 704, 0)).toBe('row 2 not acceptable');
		expect(verdict(4294967000, 1000, 4294966999, 2)).toBe('row 4 acceptable');
		expect(receiveAcceptability({ rcvNxt: 4294967000, rcvWnd: 1000, segSeq: 4294966999, segLen: 2 }).tests[1]).toEqual({
			test: 'last',
			value: 4294967000,
			holds: true,
		});
	});

	it('does not depend on where the numbers sit: shifting all of them by the same amount keeps the verdict', () => {
		fc.assert(
			fc.property(
				fc.nat(SEQ_MOD - 1),
				fc.nat(4000),
				fc.integer({ min: -5000, max: 5000 }),
				fc.nat(3000),
				fc.nat(SEQ_MOD - 1),
				(rcvNxt, rcvWnd, offset, segLen, shift) => {
					const a = receiveAcceptability({ rcvNxt, rcvWnd, segSeq: seqAdd(rcvNxt, offset), segLen });
					const b = receiveAcceptability({
						rcvNxt: seqAdd(rcvNxt, shift),
						rcvWnd,
						segSeq: seqAdd(rcvNxt, offset + shift),
						segLen,
					});
					return a.row === b.row && a.acceptable === b.acceptable;
				},
			),
			{ numRuns: 500 },
		);
	});

	it('rejects values no TCB or segment can hold', () => {
		const bad = [
			{ rcvNxt: -1, rcvWnd: 10, segSeq: 0, segLen: 0 },
			{ rcvNxt: SEQ_MOD, rcvWnd: 10, segSeq: 0, segLen: 0 },
			{ rcvNxt: 0, rcvWnd: MAX_WINDOW + 1, segSeq: 0, segLen: 0 },
			{ rcvNxt: 0, rcvWnd: 1.5, segSeq: 0, segLen: 0 },
			{ rcvNxt: 0, rcvWnd: 10, segSeq: 0, segLen: -1 },
		];
		for (const input of bad) expect(() => receiveAcceptability(input)).toThrow(TcpError);
		expect(MAX_WINDOW).toBe(1073725440);
	});
});

describe('ackAcceptability: SND.UNA < SEG.ACK =< SND.NXT (RFC 9293 §3.4)', () => {
	it('names each case', () => {
		const ack = (segAck: number) => ackAcceptability({ sndUna: 100, sndNxt: 300, segAck });
		expect([50, 100, 101, 300, 301].map(ack)).toEqual(['duplicate', 'duplicate', 'acceptable', 'acceptable', 'unsent']);
	});

	it('counts modulo 2^32', () => {
		const ack = (segAck: number) => ackAcceptability({ sndUna: 4294967290, sndNxt: 10, segAck });
		expect([4294967290, 4294967295, 0, 5, 10, 11].map(ack)).toEqual([
			'duplicate',
			'acceptable',
			'acceptable',
			'acceptable',
			'acceptable',
			'unsent',
		]);
	});

	it('with nothing in flight (SND.UNA = SND.NXT) no ACK is new', () => {
		expect(ackAcceptability({ sndUna: 500, sndNxt: 500, segAck: 500 })).toBe('duplicate');
		expect(ackAcceptability({ sndUna: 500, sndNxt: 500, segAck: 501 })).toBe('unsent');
	});

	it('rejects SND.UNA after SND.NXT', () => {
		expect(() => ackAcceptability({ sndUna: 301, sndNxt: 300, segAck: 300 })).toThrow(TcpError);
	});
});

describe('resetAcceptability: RFC 5961 §3.2', () => {
	it('resets only at exactly RCV.NXT, challenges elsewhere in the window, drops the rest', () => {
		const rst = (segSeq: number) => resetAcceptability({ rcvNxt: 1000, rcvWnd: 500, segSeq });
		expect([1000, 1001, 1499, 1500, 999].map(rst)).toEqual(['reset', 'challenge-ack', 'challenge-ack', 'drop', 'drop']);
	});

	it('with a zero window, a RST at RCV.NXT still resets (MUST-66) and nothing else is in the window', () => {
		expect(resetAcceptability({ rcvNxt: 1000, rcvWnd: 0, segSeq: 1000 })).toBe('reset');
		expect(resetAcceptability({ rcvNxt: 1000, rcvWnd: 0, segSeq: 1001 })).toBe('drop');
	});
});
