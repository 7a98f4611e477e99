import { createEndpoint, type EndpointConfig, type SendReason } from './endpoint.ts';
import { TcpError, type CallErrorCode } from './errors.ts';
import { flagText, parseFlags, type Segment } from './segment.ts';
import { seqAdd } from './sequence.ts';
import type { TcpState, TransitionEvent } from './states.ts';

/** Every event of Figure 5 and §3.10's other moves, in the order widgets list them. */
export const TRANSITION_EVENTS: readonly TransitionEvent[] = [
	'passive-open',
	'active-open',
	'send',
	'close',
	'abort',
	'rcv-syn',
	'rcv-syn-ack',
	'rcv-ack-of-syn',
	'rcv-fin',
	'rcv-ack-of-fin',
	'rcv-rst',
	'timeout-2msl',
	'timeout-retries',
];

/** What one event did to a lone endpoint. */
export interface EventOutcome {
	event: TransitionEvent;
	from: TcpState;
	/** The state afterwards (equal to `from` when nothing moved). */
	to: TcpState;
	/** Every state change it caused, in order (usually none or one). */
	moves: Array<{ from: TcpState; to: TcpState; event: TransitionEvent }>;
	/** Segments sent while handling it. */
	sent: Array<{ flags: string; reason: SendReason }>;
	/** A user call refused with one of §3.10's errors. */
	error?: CallErrorCode;
	/** A timeout event while that timer is not running. */
	noTimer?: true;
	/** A SEND that was queued until the connection is ESTABLISHED. */
	queued?: true;
}

export interface DriverOptions {
	/** Our ISN; default 100 as in RFC 9293's figures. */
	isn?: number;
	/** The imaginary peer's ISN; default 300. */
	peerIsn?: number;
	/** Bytes a SEND call passes; default 100. */
	sendBytes?: number;
	config?: Omit<EndpointConfig, 'isn'>;
}

const FULL_RETRIES = 64;

/**
 * One endpoint and an imaginary peer that answers it with the segment each
 * Figure 5 event names, built from the endpoint's own TCB so it is the one the
 * arrow means: "rcv ACK of FIN" acknowledges exactly our FIN, "rcv FIN" carries
 * the next expected sequence number but acknowledges nothing new, and so on.
 * `path` lists the events applied since `reset`; `probe` tries an event on a
 * replay of that path without changing it.
 */
export function createDriver(opts: DriverOptions = {}) {
	const { isn = 100, peerIsn = 300, sendBytes = 100, config = {} } = opts;
	let path: TransitionEvent[] = [];

	const build = () => {
		let sink: EventOutcome | null = null;
		const ep = createEndpoint({ ...config, isn }, (fx) => {
			if (!sink) return;
			if (fx.type === 'send') sink.sent.push({ flags: flagText(fx.seg), reason: fx.reason });
			else if (fx.type === 'state') sink.moves.push({ from: fx.from, to: fx.to, event: fx.event });
		});
		const segment = (flags: string, seq: number, ack = 0): Segment => ({ flags: parseFlags(flags), seq, ack, wnd: 65_535, len: 0 });
		const apply = (event: TransitionEvent): EventOutcome => {
			const out: EventOutcome = { event, from: ep.state, to: ep.state, moves: [], sent: [] };
			sink = out;
			const t = ep.tcb();
			// Before any SYN has arrived the endpoint expects nothing: the peer opens with its ISN.
			const synced = !['CLOSED', 'LISTEN', 'SYN-SENT'].includes(ep.state);
			const seq = synced ? t.rcvNxt : peerIsn;
			try {
				switch (event) {
					case 'passive-open':
						// Fully specified, so that Figure 5's SEND arrow out of LISTEN exists (§3.10.1).
						ep.listen(true);
						break;
					case 'active-open':
						ep.open();
						break;
					case 'send': {
						const before = ep.tcb().sndNxt;
						ep.send(sendBytes);
						if (!out.moves.length && ep.tcb().sndNxt === before) out.queued = true;
						break;
					}
					case 'close':
						ep.close();
						break;
					case 'abort':
						ep.abort();
						break;
					case 'rcv-syn':
						ep.receive(segment('SYN', seq));
						break;
					case 'rcv-syn-ack':
						// Once synchronized, a repeat of the peer's SYN,ACK: it acknowledges nothing new.
						ep.receive(segment('SYN, ACK', peerIsn, synced ? t.sndUna : t.sndNxt));
						break;
					case 'rcv-ack-of-syn':
						ep.receive(segment('ACK', seq, seqAdd(t.iss, 1)));
						break;
					case 'rcv-fin':
						ep.receive(segment('FIN, ACK', seq, t.sndUna));
						break;
					case 'rcv-ack-of-fin':
						// Before our FIN exists, the number it would take: an ACK of something never sent.
						ep.receive(segment('ACK', seq, seqAdd(t.finSeq ?? t.sndNxt, 1)));
						break;
					case 'rcv-rst':
						ep.receive(segment('RST, ACK', seq, t.sndNxt));
						break;
					case 'timeout-2msl':
						ep.fire('time-wait');
						if (!out.moves.length) out.noTimer = true;
						break;
					case 'timeout-retries': {
						// Let every retransmission time out until the endpoint gives up.
						for (let i = 0; i < FULL_RETRIES && ep.state === out.from; i++) {
							const sent = out.sent.length;
							ep.fire('rtx');
							if (out.sent.length === sent && ep.state === out.from) {
								if (i === 0) out.noTimer = true;
								break;
							}
						}
						// Only the last expiry moves the state; the retransmissions before it are its story.
						out.sent = out.moves.length ? [] : out.sent;
						break;
					}
				}
			} catch (error) {
				if (!(error instanceof TcpError && error.isCallError())) throw error;
				out.error = error.code;
			}
			sink = null;
			out.to = ep.state;
			return out;
		};
		return apply;
	};

	const replay = () => {
		const apply = build();
		for (const e of path) apply(e);
		return apply;
	};
	let current = replay();
	let state: TcpState = 'CLOSED';

	return {
		get state() {
			return state;
		},
		get path(): readonly TransitionEvent[] {
			return path;
		},
		/** What `event` would do now, without doing it. */
		probe: (event: TransitionEvent): EventOutcome => replay()(event),
		/** Does `event`; it joins the path only if it moved the state. */
		apply(event: TransitionEvent): EventOutcome {
			const out = current(event);
			if (out.moves.length) {
				path = [...path, event];
				state = out.to;
			} else {
				current = replay();
			}
			return out;
		},
		reset() {
			path = [];
			state = 'CLOSED';
			current = replay();
		},
	};
}
