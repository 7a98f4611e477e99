import { TcpError } from './errors.ts';
import { isSeqNumber, seqAdd } from './sequence.ts';

/**
 * Chooses an initial sequence number at virtual time `nowMs`. Must be a pure
 * function of time so that simulations replay identically.
 */
export type IsnSource = (nowMs: number) => number;

export function checkIsn(isn: unknown): number {
	if (!isSeqNumber(isn)) throw new TcpError('invalid-isn');
	return isn;
}

/** The same ISN every time: for tests and for lessons that quote numbers. */
export function fixedIsn(isn: number): IsnSource {
	checkIsn(isn);
	return () => isn;
}

/**
 * RFC 9293 §3.4.1: ISN = M + F(4-tuple, secret), M a clock ticking every 4 µs.
 * The seed stands in for F's secret (mulberry32 scrambles it into 32 bits),
 * so a later connection from the same endpoint gets a later ISN, as in §3.5 Figure 8.
 */
export function seededIsn(seed: number): IsnSource {
	let h = (seed + 0x6d2b79f5) | 0;
	h = Math.imul(h ^ (h >>> 15), h | 1);
	h ^= h + Math.imul(h ^ (h >>> 7), h | 61);
	const f = (h ^ (h >>> 14)) >>> 0;
	return (nowMs) => seqAdd(f, Math.floor(nowMs * 250));
}
