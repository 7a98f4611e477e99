/**
 * Both ends' states inferred from the segments a capture saw, by walking the model's own arrows
 * (RFC 9293 Figure 5, TRANSITIONS, and §3.10's others, OTHER_TRANSITIONS): sending a SYN is an
 * active OPEN, sending a FIN is a CLOSE, an arriving SYN, SYN+ACK, FIN, RST or ACK of our SYN or
 * FIN is the matching `rcv-*` event. An observer sees only the wire, so this is an inference:
 * when a segment matches no arrow the states stay put and the step is flagged.
 */
// The model's modules, not its index: this runs in the browser, beside the comparison's bundle.
import type { Side } from '../../tcp/network';
import { seqGeq } from '../../tcp/sequence';
import { OTHER_TRANSITIONS, TRANSITIONS, type TcpState, type TransitionEvent } from '../../tcp/states';
import type { StatePair } from '../../tcp/trace';

export interface ObservedSegment {
	from: Side;
	syn: boolean;
	ack: boolean;
	fin: boolean;
	rst: boolean;
	/** Absolute sequence and acknowledgment numbers. */
	seq: number;
	ackNumber: number;
	/** Payload bytes. */
	len: number;
}

export interface InferredStep {
	/** Both sides' states after the segment arrived. */
	states: StatePair;
	/** The events applied, in order, e.g. `client: close`, `server: rcv-fin`. */
	events: Array<{ side: Side; event: TransitionEvent; from: TcpState; to: TcpState }>;
	/** The segment matched no arrow from a state it should have moved (e.g. a capture started mid-way). */
	unexplained: boolean;
}

export interface Inference {
	initial: StatePair;
	steps: InferredStep[];
}

const ARROWS = [...TRANSITIONS, ...OTHER_TRANSITIONS];

function arrow(from: TcpState, event: TransitionEvent, passive: boolean): TcpState | null {
	const found = ARROWS.find(
		(t) => t.from === from && t.event === event && (!t.origin || t.origin === (passive ? 'passive' : 'active')),
	);
	return found?.to ?? null;
}

const other = (side: Side): Side => (side === 'client' ? 'server' : 'client');

/**
 * `openedBySyn` false means the capture began mid-connection: both ends start ESTABLISHED.
 * Otherwise the client starts CLOSED and the server LISTEN, unless the server's first answer is a
 * RST (nobody listened: it was CLOSED).
 */
export function inferStates(segments: readonly ObservedSegment[], openedBySyn = true): Inference {
	const firstFromServer = segments.find((s) => s.from === 'server');
	const initial: StatePair = !openedBySyn
		? { client: 'ESTABLISHED', server: 'ESTABLISHED' }
		: { client: 'CLOSED', server: firstFromServer?.rst ? 'CLOSED' : 'LISTEN' };
	const states: StatePair = { ...initial };
	const passive: Record<Side, boolean> = { client: false, server: true };
	// The sequence number just after each side's SYN and FIN once seen, to recognise their ACKs.
	const synEnd: Record<Side, number | null> = { client: null, server: null };
	const finEnd: Record<Side, number | null> = { client: null, server: null };

	const steps = segments.map((seg): InferredStep => {
		const events: InferredStep['events'] = [];
		let unexplained = false;
		const move = (side: Side, event: TransitionEvent, required: boolean) => {
			const from = states[side];
			const to = arrow(from, event, passive[side]);
			if (to === null) {
				if (required) unexplained = true;
				return;
			}
			states[side] = to;
			events.push({ side, event, from, to });
		};
		const sender = seg.from;
		const receiver = other(sender);

		// What the sender did to put this segment on the wire.
		if (seg.syn && !seg.ack) {
			if (states[sender] === 'CLOSED' || states[sender] === 'LISTEN') move(sender, 'active-open', true);
			passive[sender] = false;
		}
		if (seg.syn) synEnd[sender] = (seg.seq + 1) >>> 0;
		if (seg.fin) {
			const end = (seg.seq + seg.len + (seg.syn ? 1 : 0) + 1) >>> 0;
			// Only Figure 5's CLOSE arrows that send a FIN; a FIN from elsewhere is unexplained.
			if (finEnd[sender] === null) {
				if (['SYN-RECEIVED', 'ESTABLISHED', 'CLOSE-WAIT'].includes(states[sender])) move(sender, 'close', true);
				else unexplained = true;
			}
			finEnd[sender] = end;
		}
		// A listener or a closed port answering with RST stays where it is (§3.10.7.1–2).
		if (seg.rst && states[sender] !== 'CLOSED' && states[sender] !== 'LISTEN') move(sender, 'abort', false);

		// What it does to the receiver, in §3.10.7's order: RST, SYN, ACK, FIN.
		if (seg.rst) {
			if (states[receiver] !== 'CLOSED' && states[receiver] !== 'LISTEN') move(receiver, 'rcv-rst', true);
			return { states: { ...states }, events, unexplained };
		}
		if (seg.syn) {
			if (seg.ack && states[receiver] === 'SYN-SENT') {
				move(receiver, 'rcv-syn-ack', true);
			} else if (seg.ack && (states[receiver] === 'CLOSED' || states[receiver] === 'LISTEN')) {
				unexplained = true; // a SYN,ACK nobody asked for (a retransmitted one finds the receiver synchronized)
			} else if (states[receiver] !== 'CLOSED') {
				// LISTEN or SYN-SENT (simultaneous open) → SYN-RECEIVED; a repeated SYN moves nothing.
				if (states[receiver] === 'LISTEN' || states[receiver] === 'SYN-SENT') move(receiver, 'rcv-syn', true);
			}
		}
		if (seg.ack) {
			const acks = (end: number | null) => end !== null && seqGeq(seg.ackNumber, end);
			if (states[receiver] === 'SYN-RECEIVED' && acks(synEnd[receiver])) move(receiver, 'rcv-ack-of-syn', true);
			if (['FIN-WAIT-1', 'CLOSING', 'LAST-ACK'].includes(states[receiver]) && acks(finEnd[receiver])) {
				move(receiver, 'rcv-ack-of-fin', true);
			}
		}
		if (seg.fin && !['CLOSE-WAIT', 'CLOSING', 'LAST-ACK', 'TIME-WAIT', 'CLOSED'].includes(states[receiver])) {
			move(receiver, 'rcv-fin', true);
		}
		return { states: { ...states }, events, unexplained };
	});
	return { initial, steps };
}
