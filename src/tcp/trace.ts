import type { CallErrorCode } from './errors.ts';
import type { SendReason, TimerName } from './endpoint.ts';
import type { Side } from './network.ts';
import { flagText, type Segment } from './segment.ts';
import { seqSub } from './sequence.ts';
import type { TcpState, TransitionEvent } from './states.ts';

/** RFC 9293 §3.10's calls, and turning keep-alives on (§3.8.4: per connection, off by default; SO_KEEPALIVE). */
export type UserCall = 'listen' | 'open' | 'send' | 'close' | 'abort' | 'keepalive';
export type StatePair = Record<Side, TcpState>;

interface Base {
	/** Virtual time in ms. */
	t: number;
	/** The side acting: sender of a segment, receiver of a delivery, owner of a timer or state. */
	side: Side;
	/** Both endpoints' states after this event (for stimuli, after all it caused). */
	states: StatePair;
}

/** A stimulus (user call, delivery, timer) also records the states before it. */
interface Stimulus extends Base {
	before: StatePair;
}

export type TraceEvent =
	| (Stimulus & { kind: 'user-call'; call: UserCall; bytes?: number; error?: CallErrorCode })
	| (Stimulus & { kind: 'deliver'; id: number; seg: Segment })
	| (Stimulus & { kind: 'timer-fire'; timer: TimerName })
	| (Base & { kind: 'send'; id: number; seg: Segment; reason: SendReason })
	| (Base & { kind: 'drop'; id: number; seg: Segment })
	| (Base & { kind: 'timer-start'; timer: TimerName; ms: number })
	| (Base & { kind: 'timer-stop'; timer: TimerName })
	| (Base & { kind: 'state'; from: TcpState; to: TcpState; event: TransitionEvent });

export interface Trace {
	events: TraceEvent[];
	/** The ISN each side used for its latest SYN; null if it sent none. */
	isn: Record<Side, number | null>;
	final: StatePair;
}

export const otherSide = (s: Side): Side => (s === 'client' ? 'server' : 'client');

/**
 * A segment's numbers as Wireshark shows them: seq relative to the sender's ISN,
 * ack relative to the receiver's (absolute when that side sent no SYN).
 */
export function relativeNumbers(trace: Trace, from: Side, seg: Segment): { seq: number; ack: number } {
	return {
		seq: seqSub(seg.seq, trace.isn[from] ?? 0),
		ack: seqSub(seg.ack, trace.isn[otherSide(from)] ?? 0),
	};
}

/** One segment's fate as lessons state it; `clientState`/`serverState` are after it arrived (or was lost). */
export interface Step {
	from: Side;
	flags: string;
	seq: number;
	/** null when the ACK flag is off. */
	ack: number | null;
	len?: number;
	lost?: true;
	clientState: TcpState;
	serverState: TcpState;
}

/** The segments of a trace in the order they arrived or were lost, with relative numbers. */
export function traceSteps(trace: Trace): Step[] {
	return trace.events.flatMap((e) => {
		if (e.kind !== 'deliver' && e.kind !== 'drop') return [];
		const from = e.kind === 'drop' ? e.side : otherSide(e.side);
		const { seq, ack } = relativeNumbers(trace, from, e.seg);
		return [
			{
				from,
				flags: flagText(e.seg),
				seq,
				ack: e.seg.flags.ack ? ack : null,
				...(e.seg.len && { len: e.seg.len }),
				...(e.kind === 'drop' && { lost: true as const }),
				clientState: e.states.client,
				serverState: e.states.server,
			},
		];
	});
}
