// A listener's accept queue across the connections of one capture: which connections completed
// their handshake and waited for the application's accept(), so that each connection's comparison
// knows when the others had filled it.
import { senderOf, type SegmentSelector } from '../tcp/network.ts';
import { seqAdd } from '../tcp/sequence.ts';
import type { CapturedSegment } from './observed.ts';

/** One connection to the listener, with what the capture alone does not tell. */
export interface ListenerConnection {
	/** 1-based, in the order the capture shows the connections. */
	number: number;
	segments: readonly CapturedSegment[];
	/** Segments lost on arrival (the lab's drops), counted within this connection. */
	drops: readonly SegmentSelector[];
	/** When the application accepted it (ms on the capture's clock); null if it never did. */
	acceptedAt: number | null;
}

/** A connection in the accept queue: from its handshake's last ACK until accept() took it (null: never). */
export interface Queued {
	number: number;
	from: number;
	to: number | null;
}

const lost = (segs: readonly CapturedSegment[], drops: readonly SegmentSelector[]) =>
	new Set(
		drops.map((d) => {
			const from = senderOf(d.dir);
			return segs.filter((s) => s.from === from && (!d.flags || s.flags === d.flags))[d.index ?? 0];
		}),
	);

/** The client's segments that would complete the handshake on arrival: acknowledging the SYN,ACK, and not lost. */
function completions(c: ListenerConnection): number[] {
	const synAck = c.segments.find((s) => s.from === 'server' && s.flags === 'SYN, ACK');
	if (!synAck) return [];
	const gone = lost(c.segments, c.drops);
	const ack = seqAdd(synAck.seq, 1);
	return c.segments.filter((s) => s.from === 'client' && s.t >= synAck.t && s.ack === ack && !/SYN|RST/.test(s.flags) && !gone.has(s)).map((s) => s.t);
}

/**
 * The connections that waited in the accept queue, in the order they completed. A handshake's last
 * ACK completes its connection unless more than `backlog` wait when it arrives (include/net/sock.h
 * sk_acceptq_is_full compares with >); then that ACK is dropped or reset, and a later one may try again.
 */
export function acceptQueue(connections: readonly ListenerConnection[], backlog: number): Queued[] {
	const events = connections
		.flatMap((c) => [...completions(c).map((t) => ({ t, c, accept: false })), ...(c.acceptedAt === null ? [] : [{ t: c.acceptedAt, c, accept: true }])])
		.sort((a, b) => a.t - b.t || +a.accept - +b.accept);
	const queue: Queued[] = [];
	for (const { t, c, accept } of events) {
		const entry = queue.find((q) => q.number === c.number);
		if (accept) {
			if (entry) entry.to = t;
		} else if (!entry && waiting(queue, t, []) <= backlog) {
			queue.push({ number: c.number, from: t, to: null });
		}
	}
	return queue;
}

const waiting = (queue: readonly Queued[], t: number, except: readonly number[]) =>
	queue.filter((q) => !except.includes(q.number) && q.from <= t && (q.to === null || t < q.to)).length;

/**
 * Whether the queue is full at a moment (ms on the capture's clock) for the connections `numbers`:
 * more than `backlog` others wait. Their own completion is the model's to make.
 */
export const queueFullFor =
	(queue: readonly Queued[], numbers: readonly number[], backlog: number) =>
	(t: number): boolean =>
		waiting(queue, t, numbers) > backlog;
