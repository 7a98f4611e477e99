// What the comparison reads off a capture before running the model: where the capture point sat
// (so that the model's wire has the capture's delays), each side's ISN, and the application's calls.
import type { Side } from '../tcp/network.ts';
import { seqAdd, seqGt, seqSub } from '../tcp/sequence.ts';
import type { UserAction } from '../tcp/simulate.ts';
import { otherSide, type UserCall } from '../tcp/trace.ts';
import type { CapturedSegment } from './observed.ts';

/**
 * One-way delay in ms from each endpoint to the capture point. The handshake tells them apart: a
 * capture taken at the client sees the SYN,ACK a whole RTT after the SYN and the ACK at once, one
 * taken at the server the reverse, one in between (a veth pair) a little of each.
 */
export type ToCapture = Record<Side, number>;

export function inferToCapture(segs: readonly CapturedSegment[]): ToCapture {
	// The server's side: its first answer (SYN,ACK or RST) and the SYN it answered, the latest before it.
	const answer = segs.findIndex((s) => s.from === 'server' && (s.flags === 'SYN, ACK' || s.flags.includes('RST')));
	const syn = segs.slice(0, Math.max(answer, 0)).findLast((s) => s.from === 'client' && s.flags === 'SYN');
	// The client's side: its first acknowledgment and the SYN,ACK it answered, the latest before it.
	const third = segs.findIndex((s) => s.from === 'client' && s.ack !== null);
	const synAck = segs.slice(0, Math.max(third, 0)).findLast((s) => s.from === 'server' && s.flags === 'SYN, ACK');
	return {
		server: answer >= 0 && syn ? Math.max(0, (segs[answer]!.t - syn.t) / 2) : 0,
		client: third >= 0 && synAck ? Math.max(0, (segs[third]!.t - synAck.t) / 2) : 0,
	};
}

/**
 * Each side's ISNs, one per incarnation of the 4-tuple (a new SYN with another ISN starts one, as a
 * client reconnecting from the same port does), with when that SYN passed the capture point.
 */
export function incarnations(segs: readonly CapturedSegment[], side: Side): Array<{ t: number; isn: number }> {
	const list: Array<{ t: number; isn: number }> = [];
	for (const s of segs) if (s.from === side && s.flags.startsWith('SYN') && s.seq !== list.at(-1)?.isn) list.push({ t: s.t, isn: s.seq });
	return list;
}

/** The ISN of the first SYN each side sent (its first incarnation's); null for a side that sent none (a refusing server). */
export function inferIsns(segs: readonly CapturedSegment[]): Record<Side, number | null> {
	const isn = (side: Side) => incarnations(segs, side)[0]?.isn ?? null;
	return { client: isn('client'), server: isn('server') };
}

/** A user call at a time on the capture's clock (ms since its first packet). */
export interface CapturedCall {
	t: number;
	side: Side;
	call: UserCall;
	bytes?: number;
}

/**
 * The calls that explain the capture: the server listens from the start (unless it refuses the SYN
 * or opens itself), the client opens when its first SYN leaves, a side sends when new bytes first
 * leave it and closes when its first FIN leaves, and aborts when it resets a connection it had
 * synchronized, with its next sequence number. Times are when the segment left its endpoint.
 */
export function inferCalls(segs: readonly CapturedSegment[], toCapture: ToCapture): CapturedCall[] {
	const calls: CapturedCall[] = [];
	const next: Record<Side, number | null> = { client: null, server: null };
	const closed: Record<Side, boolean> = { client: false, server: false };
	let isn: number | null = null;
	const serverSyn = segs.find((s) => s.from === 'server' && s.flags.startsWith('SYN'));
	const refused = !serverSyn && segs.some((s) => s.from === 'server' && s.flags.includes('RST'));
	const start = segs[0] ? segs[0].t - toCapture[segs[0].from] : 0;
	if (serverSyn?.flags === 'SYN') calls.push({ t: serverSyn.t - toCapture.server, side: 'server', call: 'open' });
	else if (!refused) calls.push({ t: start, side: 'server', call: 'listen' });
	for (const s of segs) {
		const at = s.t - toCapture[s.from];
		const syn = s.flags.includes('SYN');
		// A client SYN with a new ISN opens a new incarnation: both sides start over.
		if (syn && s.from === 'client' && !s.flags.includes('ACK') && next.client !== null && s.seq !== isn) {
			next.client = next.server = null;
			closed.client = closed.server = false;
		}
		if (syn && !s.flags.includes('ACK') && next[s.from] === null && s.from === 'client') {
			calls.push({ t: at, side: 'client', call: 'open' });
			isn = s.seq;
		}
		if (syn) next[s.from] ??= seqAdd(s.seq, 1);
		const sent = next[s.from];
		if (sent === null) continue;
		const end = seqAdd(s.seq, +syn + s.len);
		if (s.len && seqGt(end, sent)) calls.push({ t: at, side: s.from, call: 'send', bytes: seqSub(end, sent) });
		if (seqGt(end, sent)) next[s.from] = end;
		if (s.flags.includes('FIN') && !closed[s.from]) {
			closed[s.from] = true;
			calls.push({ t: at, side: s.from, call: 'close' });
			next[s.from] = seqAdd(next[s.from]!, 1);
		}
		if (s.flags.includes('RST') && s.seq === next[s.from] && next[otherSide(s.from)] !== null) calls.push({ t: at, side: s.from, call: 'abort' });
	}
	return calls;
}

/** The calls on the model's clock, which starts `shift` ms after the capture's first packet. */
export const toModelCalls = (calls: readonly CapturedCall[], shift: number): UserAction[] =>
	calls.map(({ t, side, call, bytes }) => ({ at: Math.max(0, t - shift), who: side, call, ...(bytes !== undefined && { bytes }) }));

/**
 * Calls known from elsewhere (the lab's sidecar), timed by the capture: an application's call
 * reaches the wire a little later than the application noted it (8 ms for a first connect() in
 * Node), so a call that put a segment on the wire takes that segment's time; the others keep theirs.
 */
export function alignCalls(known: readonly CapturedCall[], seen: readonly CapturedCall[]): CapturedCall[] {
	const used = new Set<CapturedCall>();
	return known.map((call) => {
		const match = seen.find((s) => !used.has(s) && s.side === call.side && s.call === call.call);
		if (!match) return call;
		used.add(match);
		return { ...call, t: match.t };
	});
}

/**
 * Which sides probe an idle connection (SO_KEEPALIVE is the application's choice, not on the wire):
 * those that send a bare ACK one below their next sequence number, as a keep-alive probe is.
 */
export function inferKeepAlive(segs: readonly CapturedSegment[]): Record<Side, boolean> {
	const next: Record<Side, number | null> = { client: null, server: null };
	const probes = { client: false, server: false };
	for (const s of segs) {
		const sent = next[s.from];
		if (sent !== null && s.flags === 'ACK' && !s.len && s.seq === seqAdd(sent, -1)) probes[s.from] = true;
		const end = seqAdd(s.seq, s.len + +s.flags.includes('SYN') + +s.flags.includes('FIN'));
		if (!s.flags.includes('RST') && (sent === null || seqGt(end, sent))) next[s.from] = end;
	}
	return probes;
}
