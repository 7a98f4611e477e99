/**
 * RFC 9293 §3.4's acceptability tests as functions of the TCB's variables and the segment's
 * fields: which sequence numbers a receiver takes (Table 5, repeated in §3.10.7.4 as Table 6),
 * which acknowledgments a sender takes, and what a RST's sequence number earns under RFC 5961
 * §3.2 (which §3.10.7.4 adopts). The endpoint uses them, and so do the lessons' widgets, so the
 * verdict a reader sees is the model's own.
 */
import { TcpError } from './errors.ts';
import { isSeqNumber, seqAdd, seqLeq, seqLt } from './sequence.ts';

/** 65,535 shifted left by the largest window scale, 14 (RFC 7323 §2.3): the widest receive window. */
export const MAX_WINDOW = 65_535 * 2 ** 14;

/** The table's rows in the RFC's order: SEG.LEN 0 with RCV.WND 0, 0 with > 0, > 0 with 0, > 0 with > 0. */
export type AcceptabilityRow = 1 | 2 | 3 | 4;

export interface ReceiveInput {
	rcvNxt: number;
	rcvWnd: number;
	segSeq: number;
	/** Sequence numbers the segment occupies: data, plus one each for SYN and FIN. */
	segLen: number;
}

/**
 * One of the table's tests with what it was evaluated on:
 *   exact: SEG.SEQ = RCV.NXT
 *   first: RCV.NXT =< SEG.SEQ < RCV.NXT+RCV.WND
 *   last:  RCV.NXT =< SEG.SEQ+SEG.LEN-1 < RCV.NXT+RCV.WND   (`value` is SEG.SEQ+SEG.LEN-1)
 */
export interface AcceptabilityTest {
	test: 'exact' | 'first' | 'last';
	value: number;
	holds: boolean;
}

export interface ReceiveVerdict {
	row: AcceptabilityRow;
	acceptable: boolean;
	/** The row's tests, each evaluated (row 3 has none: nothing is acceptable). */
	tests: AcceptabilityTest[];
	/** RCV.NXT+RCV.WND modulo 2^32: the first number past the window. */
	windowEnd: number;
}

const check = (ok: boolean) => {
	if (!ok) throw new TcpError('invalid-argument');
};
const isWindow = (w: number) => Number.isInteger(w) && w >= 0 && w <= MAX_WINDOW;

/** Is an arriving segment acceptable (RFC 9293 §3.4, Table 5)? Throws TcpError 'invalid-argument' on bad input. */
export function receiveAcceptability({ rcvNxt, rcvWnd, segSeq, segLen }: ReceiveInput): ReceiveVerdict {
	check(isSeqNumber(rcvNxt) && isSeqNumber(segSeq) && isWindow(rcvWnd) && Number.isInteger(segLen) && segLen >= 0);
	check(segLen <= MAX_WINDOW);
	const windowEnd = seqAdd(rcvNxt, rcvWnd);
	const inWindow = (x: number) => seqLeq(rcvNxt, x) && seqLt(x, windowEnd);
	const row: AcceptabilityRow = segLen === 0 ? (rcvWnd === 0 ? 1 : 2) : rcvWnd === 0 ? 3 : 4;
	const tests: AcceptabilityTest[] = [];
	if (row === 1) tests.push({ test: 'exact', value: segSeq, holds: segSeq === rcvNxt });
	if (row === 2 || row === 4) tests.push({ test: 'first', value: segSeq, holds: inWindow(segSeq) });
	if (row === 4) {
		const last = seqAdd(segSeq, segLen - 1);
		tests.push({ test: 'last', value: last, holds: inWindow(last) });
	}
	return { row, acceptable: tests.some((t) => t.holds), tests, windowEnd };
}

export interface AckInput {
	sndUna: number;
	sndNxt: number;
	segAck: number;
}

/**
 * What an acknowledgment number means to a sender in a synchronized state (§3.4 and §3.10.7.4):
 *   acceptable  SND.UNA < SEG.ACK =< SND.NXT: it acknowledges something new;
 *   duplicate   SEG.ACK =< SND.UNA: nothing new, it "can be ignored";
 *   unsent      SEG.ACK > SND.NXT: it acknowledges what was never sent: send an ACK, drop the segment.
 * SND.UNA must not be after SND.NXT.
 */
export type AckVerdict = 'acceptable' | 'duplicate' | 'unsent';

export function ackAcceptability({ sndUna, sndNxt, segAck }: AckInput): AckVerdict {
	check(isSeqNumber(sndUna) && isSeqNumber(sndNxt) && isSeqNumber(segAck) && seqLeq(sndUna, sndNxt));
	if (seqLeq(segAck, sndUna)) return 'duplicate';
	return seqLeq(segAck, sndNxt) ? 'acceptable' : 'unsent';
}

/**
 * What a RST earns in a synchronized state or SYN-RECEIVED (RFC 5961 §3.2, RFC 9293 §3.10.7.4):
 *   reset          SEG.SEQ = RCV.NXT exactly;
 *   challenge-ack  elsewhere in the window: <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>, the RST dropped;
 *   drop           outside the window: silently.
 */
export type ResetVerdict = 'reset' | 'challenge-ack' | 'drop';

export function resetAcceptability({ rcvNxt, rcvWnd, segSeq }: Omit<ReceiveInput, 'segLen'>): ResetVerdict {
	if (receiveAcceptability({ rcvNxt, rcvWnd, segSeq, segLen: 0 }).acceptable) {
		return segSeq === rcvNxt ? 'reset' : 'challenge-ack';
	}
	return 'drop';
}
