/**
 * Sequence-number arithmetic (RFC 9293 §3.4): values live in [0, 2^32) and all
 * arithmetic is modulo 2^32. "Before"/"after" use serial-number comparison
 * (RFC 1982): a is before b when the signed 32-bit distance b − a is positive,
 * which stays correct across the wrap as long as the values are less than 2^31 apart.
 */
export const SEQ_MOD = 2 ** 32;

export const isSeqNumber = (x: unknown): x is number =>
	Number.isInteger(x) && (x as number) >= 0 && (x as number) < SEQ_MOD;

/** `a + n` modulo 2^32 (`n` may be negative). */
export const seqAdd = (a: number, n: number): number => (a + n) >>> 0;

/** Signed distance `a − b` in [−2^31, 2^31). */
export const seqSub = (a: number, b: number): number => (a - b) | 0;

export const seqLt = (a: number, b: number): boolean => seqSub(a, b) < 0;
export const seqLeq = (a: number, b: number): boolean => seqSub(a, b) <= 0;
export const seqGt = (a: number, b: number): boolean => seqSub(a, b) > 0;
export const seqGeq = (a: number, b: number): boolean => seqSub(a, b) >= 0;
