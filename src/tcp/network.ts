import { TcpError } from './errors.ts';
import { flagText, parseFlags, type Segment } from './segment.ts';
import { isSeqNumber } from './sequence.ts';

export type Side = 'client' | 'server';
export const SIDES: readonly Side[] = ['client', 'server'];
export type Direction = 'c2s' | 's2c';
/** The end that sends in `dir`. */
export const senderOf = (dir: Direction): Side => (dir === 'c2s' ? 'client' : 'server');

/**
 * The `index`-th segment (0-based, default 0) an endpoint sends in `dir`,
 * counting only those whose flags read `flags` (e.g. "FIN, ACK") if given.
 * Retransmissions count; injected segments do not.
 */
export interface SegmentSelector {
	dir: Direction;
	index?: number;
	flags?: string;
}

export type NetworkAction =
	| (SegmentSelector & { do: 'drop' | 'duplicate' | 'reorder' })
	| (SegmentSelector & { do: 'delay'; extraMs: number })
	/** Puts a segment no endpoint sent on the wire at `at`, e.g. an old duplicate SYN (RFC 9293 §3.5). */
	| { do: 'inject'; dir: Direction; at: number; seg: Segment };

export interface NetworkConfig {
	/** One-way delay per direction; default 50 ms each way. */
	delayMs?: Record<Direction, number>;
	script?: NetworkAction[];
}

/** What the network does with one segment: lose it, or deliver a copy after each delay. */
export interface Route {
	drop: boolean;
	delays: number[];
	/** Hold it back until the next segment in the same direction has gone past. */
	reorder: boolean;
}

const checkDelay = (ms: unknown) => {
	if (typeof ms !== 'number' || !(ms >= 0 && ms < Infinity)) throw new TcpError('invalid-delay');
};

const checkSegment = (s: Segment) => {
	const ok =
		isSeqNumber(s.seq) && isSeqNumber(s.ack) && Number.isInteger(s.len) && s.len >= 0 && s.wnd >= 0 && s.wnd <= 65_535;
	if (!ok) throw new TcpError('invalid-argument');
};

export function createNetwork({ delayMs = { c2s: 50, s2c: 50 }, script = [] }: NetworkConfig = {}) {
	checkDelay(delayMs.c2s);
	checkDelay(delayMs.s2c);
	for (const a of script) {
		if (a.dir !== 'c2s' && a.dir !== 's2c') throw new TcpError('invalid-argument');
		if (a.do === 'inject') {
			checkDelay(a.at);
			checkSegment(a.seg);
		} else {
			if (a.do === 'delay') checkDelay(a.extraMs);
			const i = a.index ?? 0;
			if (!Number.isInteger(i) || i < 0) throw new TcpError('invalid-argument');
		}
	}
	// Normalized so "ACK, FIN" matches a segment whose flags read "FIN, ACK".
	const rules = script.flatMap((a) =>
		a.do === 'inject' ? [] : [{ ...a, flags: a.flags && flagText({ flags: parseFlags(a.flags) }) }],
	);
	const counts = new Map<string, number>();
	const next = (key: string) => {
		const n = counts.get(key) ?? 0;
		counts.set(key, n + 1);
		return n;
	};

	return {
		delayMs,
		injections: script.flatMap((a) => (a.do === 'inject' ? [a] : [])),
		route(dir: Direction, seg: Segment): Route {
			const text = flagText(seg);
			const index = next(dir);
			const byFlags = next(dir + text);
			const hits = rules.filter(
				(r) => r.dir === dir && (!r.flags || r.flags === text) && (r.flags ? byFlags : index) === (r.index ?? 0),
			);
			const has = (what: string) => hits.some((r) => r.do === what);
			const delay = hits.reduce((d, r) => d + (r.do === 'delay' ? r.extraMs : 0), delayMs[dir]);
			return { drop: has('drop'), delays: has('duplicate') ? [delay, delay] : [delay], reorder: has('reorder') };
		},
	};
}
