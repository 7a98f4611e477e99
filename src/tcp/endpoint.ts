import { ackAcceptability, receiveAcceptability, resetAcceptability } from './acceptability';
import { resolveConfig, type TcpConfig } from './config';
import { TcpError, type TcpErrorCode } from './errors';
import { checkIsn, fixedIsn, type IsnSource } from './isn';
import { parseFlags, segLen, type Segment } from './segment';
import { seqAdd, seqGt, seqSub } from './sequence';
import type { TcpState, TransitionEvent } from './states';

export type TimerName = 'rtx' | 'time-wait' | 'delack';

/** Why a segment was sent: machine-readable, for traces, widgets and lessons. */
export type SendReason =
	| 'syn'
	| 'syn-ack'
	| 'ack'
	| 'data'
	| 'fin'
	| 'retransmit'
	| 'dup-ack'
	| 'challenge-ack'
	| 'delayed-ack'
	| 'rst-no-connection'
	| 'rst-listen'
	| 'rst-bad-ack'
	| 'rst-abort'
	| 'injected';

export type Effect =
	| { type: 'send'; seg: Segment; reason: SendReason }
	| { type: 'state'; from: TcpState; to: TcpState; event: TransitionEvent }
	/** `ms: null` stops the timer; a number (re)starts it. */
	| { type: 'timer'; timer: TimerName; ms: number | null };

export interface EndpointConfig extends Partial<TcpConfig> {
	isn: number | IsnSource;
}

/** The transmission control block's sequence variables (RFC 9293 §3.3.1). */
export interface Tcb {
	iss: number;
	irs: number;
	sndUna: number;
	sndNxt: number;
	rcvNxt: number;
	/** Sequence number of our FIN once sent. */
	finSeq: number | null;
	passive: boolean;
}

export interface Endpoint {
	readonly state: TcpState;
	tcb(): Tcb;
	/** Passive OPEN; `foreignSpecified` makes a later SEND or active OPEN legal (§3.10.1). */
	listen(foreignSpecified?: boolean): void;
	/** Active OPEN. */
	open(): void;
	send(bytes: number): void;
	close(): void;
	abort(): void;
	receive(seg: Segment): void;
	fire(timer: TimerName): void;
}

// §3.10.7.4 seventh and eighth: the states that still accept text and a FIN.
const RECEIVING: readonly TcpState[] = ['ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2'];

/**
 * One TCP endpoint following RFC 9293 §3.10's event processing. It does not
 * keep time: it reports effects (segments, state changes, timer starts and
 * stops) through `out`, and the caller delivers segments and fires timers.
 */
export function createEndpoint(
	config: EndpointConfig,
	out: (effect: Effect) => void,
	now: () => number = () => 0,
): Endpoint {
	const { isn, ...timing } = config;
	const isnOf = typeof isn === 'function' ? isn : fixedIsn(isn);
	const cfg = resolveConfig(timing);
	let state: TcpState = 'CLOSED';
	let iss = 0;
	let irs = 0;
	let sndUna = 0;
	let sndNxt = 0;
	let rcvNxt = 0;
	let finSeq: number | null = null;
	let passive = false;
	let foreign = false;
	// SEND and CLOSE issued before ESTABLISHED are queued (§3.10.2, §3.10.4).
	let queued = 0;
	let closeQueued = false;
	let rto = cfg.rtoInitialMs;
	let retries = 0;
	// An ACK owed for the segment being processed: sent at the end unless a segment carried it.
	let ackNow: SendReason | null = null;
	let ackLater = false;
	const running = new Set<TimerName>();

	const fail = (code: TcpErrorCode): never => {
		throw new TcpError(code, state);
	};

	const timer = (name: TimerName, ms: number | null) => {
		if (ms === null && !running.delete(name)) return;
		if (ms !== null) running.add(name);
		out({ type: 'timer', timer: name, ms });
	};

	const tx = (flags: string, seq: number, reason: SendReason, len = 0, ack = rcvNxt) => {
		const f = parseFlags(flags);
		if (f.ack) {
			ackNow = null;
			ackLater = false;
			timer('delack', null);
		}
		out({ type: 'send', seg: { flags: f, seq, ack: f.ack ? ack : 0, wnd: cfg.wnd, len }, reason });
	};

	// New data or control takes fresh sequence space and is covered by the retransmission timer (RFC 6298 §5.1).
	const txNew = (flags: string, reason: SendReason, len = 0) => {
		const seq = sndNxt;
		sndNxt = seqAdd(sndNxt, len + +flags.includes('SYN') + +flags.includes('FIN'));
		tx(flags, seq, reason, len);
		if (!running.has('rtx')) timer('rtx', rto);
	};

	const go = (to: TcpState, event: TransitionEvent) => {
		const from = state;
		state = to;
		out({ type: 'state', from, to, event });
		if (to === 'CLOSED' || to === 'LISTEN') {
			const closing = closeQueued;
			for (const t of [...running]) timer(t, null);
			ackNow = null;
			ackLater = false;
			queued = 0;
			closeQueued = false;
			// A CLOSE queued in SYN-RECEIVED (§3.10.4) still holds once a RST has sent the connection back to LISTEN.
			if (to === 'LISTEN' && closing) go('CLOSED', 'close');
		} else if (to === 'TIME-WAIT') {
			timer('rtx', null);
			timer('time-wait', cfg.timeWaitMs);
		} else if (to === 'ESTABLISHED') {
			if (queued) txNew('PSH, ACK', 'data', queued);
			queued = 0;
			if (closeQueued) closeFin('FIN-WAIT-1');
		}
	};

	const closeFin = (to: TcpState) => {
		closeQueued = false;
		finSeq = sndNxt;
		go(to, 'close');
		txNew('FIN, ACK', 'fin');
	};

	const connect = (event: TransitionEvent) => {
		iss = checkIsn(isnOf(now()));
		sndUna = sndNxt = iss;
		finSeq = null;
		passive = false;
		rto = cfg.rtoInitialMs;
		retries = 0;
		go('SYN-SENT', event);
		txNew('SYN', 'syn');
	};

	const wantAck = (reason: SendReason, later = false) => {
		if (later) ackLater = true;
		else ackNow = reason;
	};

	// Retransmit the earliest unacknowledged segment (RFC 6298 §5.4), repacketized as one.
	const retransmit = () => {
		if (sndUna === iss) return tx(state === 'SYN-SENT' ? 'SYN' : 'SYN, ACK', iss, 'retransmit');
		const len = seqSub(finSeq ?? sndNxt, sndUna);
		tx([len && 'PSH', finSeq !== null && 'FIN', 'ACK'].filter(Boolean).join(), sndUna, 'retransmit', len);
	};

	// §3.10.7.1: no TCB, so answer anything but a RST with a RST the sender will accept.
	const arriveClosed = (seg: Segment) => {
		if (seg.flags.rst) return;
		if (seg.flags.ack) tx('RST', seg.ack, 'rst-no-connection');
		else tx('RST, ACK', 0, 'rst-no-connection', 0, seqAdd(seg.seq, segLen(seg)));
	};

	// §3.10.7.2
	const arriveListen = (seg: Segment) => {
		const f = seg.flags;
		if (f.rst) return;
		if (f.ack) return tx('RST', seg.ack, 'rst-listen');
		if (!f.syn) return;
		irs = seg.seq;
		rcvNxt = seqAdd(irs, 1);
		iss = checkIsn(isnOf(now()));
		sndUna = sndNxt = iss;
		finSeq = null;
		rto = cfg.rtoInitialMs;
		retries = 0;
		go('SYN-RECEIVED', 'rcv-syn');
		txNew('SYN, ACK', 'syn-ack');
	};

	// §3.10.7.3
	const arriveSynSent = (seg: Segment) => {
		const f = seg.flags;
		// In SYN-SENT SND.UNA is still ISS, so this is §3.10.7.3's ISS < SEG.ACK =< SND.NXT.
		const ackOk = f.ack && ackAcceptability({ sndUna, sndNxt, segAck: seg.ack }) === 'acceptable';
		// An ACK of something we never sent: e.g. the SYN,ACK answering an old duplicate SYN (§3.5 Figure 8).
		if (f.ack && !ackOk) {
			if (!f.rst) tx('RST', seg.ack, 'rst-bad-ack');
			return;
		}
		if (f.rst) {
			if (ackOk) go('CLOSED', 'rcv-rst');
			return;
		}
		if (!f.syn) return;
		irs = seg.seq;
		rcvNxt = seqAdd(irs, 1);
		if (ackOk) {
			ackNew(seg.ack);
			wantAck('ack');
			go('ESTABLISHED', 'rcv-syn-ack');
		} else {
			// Simultaneous open (§3.5 Figure 7): answer with our SYN again, now acknowledging theirs.
			go('SYN-RECEIVED', 'rcv-syn');
			tx('SYN, ACK', iss, 'syn-ack');
		}
	};

	// New acknowledgments restart or stop the timer and reset the backoff (RFC 6298 §5.2, §5.3).
	const ackNew = (ack: number) => {
		sndUna = ack;
		retries = 0;
		rto = cfg.rtoInitialMs;
		timer('rtx', sndUna === sndNxt ? null : rto);
	};

	// §3.10.7.4, for SYN-RECEIVED and the synchronized states.
	const arriveSynchronized = (seg: Segment) => {
		const f = seg.flags;
		let { seq, len } = seg;
		let { syn, fin } = f;
		let dup = false;
		// "Only the new parts are processed": strip a repeat of the peer's SYN, of bytes
		// already received, or of the FIN already received, then acknowledge the repeat.
		if (!f.rst) {
			if (syn && seq === irs) {
				syn = false;
				seq = seqAdd(seq, 1);
				dup = true;
			}
			const old = seqSub(rcvNxt, seq);
			if (!syn && old > 0 && old <= len + +fin) {
				const cut = Math.min(old, len);
				len -= cut;
				seq = seqAdd(seq, cut);
				if (old > cut) {
					fin = false;
					seq = seqAdd(seq, 1);
					// TIME-WAIT: "the only thing that can arrive ... is a retransmission of the remote FIN.
					// Acknowledge it, and restart the 2 MSL timeout."
					if (state === 'TIME-WAIT') timer('time-wait', cfg.timeWaitMs);
				}
				dup = true;
			}
			if (dup) wantAck('dup-ack');
		}
		// first and second: a RST is judged by its SEG.SEQ alone: silently dropped outside the
		// window, a reset only at exactly RCV.NXT, a challenge ACK elsewhere (RFC 5961 §3.2)
		if (f.rst) {
			const verdict = resetAcceptability({ rcvNxt, rcvWnd: cfg.wnd, segSeq: seq });
			if (verdict === 'drop') return;
			if (verdict === 'challenge-ack') return wantAck('challenge-ack');
			return go(state === 'SYN-RECEIVED' && passive ? 'LISTEN' : 'CLOSED', 'rcv-rst');
		}
		// first: acceptability (Table 5; this model's window never closes)
		if (!receiveAcceptability({ rcvNxt, rcvWnd: cfg.wnd, segSeq: seq, segLen: len + +syn + +fin }).acceptable) {
			return wantAck('dup-ack');
		}
		// fourth: a new SYN
		if (syn) {
			if (state === 'SYN-RECEIVED' && passive) return go('LISTEN', 'rcv-syn');
			return wantAck('challenge-ack');
		}
		// fifth: ACK
		if (!f.ack) return;
		const ack = ackAcceptability({ sndUna, sndNxt, segAck: seg.ack });
		if (state === 'SYN-RECEIVED') {
			if (ack !== 'acceptable') return tx('RST', seg.ack, 'rst-bad-ack');
			ackNew(seg.ack);
			go('ESTABLISHED', 'rcv-ack-of-syn');
		} else if (ack === 'unsent') {
			return wantAck('dup-ack');
		} else if (ack === 'acceptable') {
			ackNew(seg.ack);
		}
		if (finSeq !== null && seqGt(sndUna, finSeq)) {
			if (state === 'FIN-WAIT-1') go('FIN-WAIT-2', 'rcv-ack-of-fin');
			else if (state === 'CLOSING') go('TIME-WAIT', 'rcv-ack-of-fin');
			else if (state === 'LAST-ACK') return go('CLOSED', 'rcv-ack-of-fin');
		}
		// seventh and eighth: text and FIN, in order only (out-of-order segments may be dropped, §3.10.7.4)
		if (!len && !fin) return;
		if (seq !== rcvNxt) return wantAck('dup-ack');
		if (!RECEIVING.includes(state)) return;
		rcvNxt = seqAdd(rcvNxt, len + +fin);
		if (!fin) return wantAck('ack', true);
		if (state === 'ESTABLISHED') {
			wantAck('ack', true);
			go('CLOSE-WAIT', 'rcv-fin');
		} else {
			wantAck('ack');
			go(state === 'FIN-WAIT-1' ? 'CLOSING' : 'TIME-WAIT', 'rcv-fin');
		}
	};

	return {
		get state() {
			return state;
		},
		tcb: () => ({ iss, irs, sndUna, sndNxt, rcvNxt, finSeq, passive }),

		listen(foreignSpecified = false) {
			if (state !== 'CLOSED') fail('connection-already-exists');
			passive = true;
			foreign = foreignSpecified;
			go('LISTEN', 'passive-open');
		},

		// §3.10.1
		open() {
			if (state === 'LISTEN') return foreign ? connect('active-open') : fail('foreign-socket-unspecified');
			if (state !== 'CLOSED') fail('connection-already-exists');
			connect('active-open');
		},

		// §3.10.2
		send(bytes) {
			if (!Number.isInteger(bytes) || bytes < 1) fail('invalid-argument');
			if (state === 'CLOSED') fail('connection-does-not-exist');
			if (state === 'LISTEN') {
				if (!foreign) fail('foreign-socket-unspecified');
				connect('send');
				queued = bytes;
			} else if ((state === 'SYN-SENT' || state === 'SYN-RECEIVED') && !closeQueued) {
				queued += bytes;
			} else if (state === 'ESTABLISHED' || state === 'CLOSE-WAIT') {
				txNew('PSH, ACK', 'data', bytes);
			} else {
				fail('connection-closing');
			}
		},

		// §3.10.4
		close() {
			if (state === 'CLOSED') fail('connection-does-not-exist');
			if (state === 'LISTEN' || state === 'SYN-SENT') return go('CLOSED', 'close');
			if (state === 'SYN-RECEIVED' && queued) closeQueued = true;
			else if (state === 'SYN-RECEIVED' || state === 'ESTABLISHED') closeFin('FIN-WAIT-1');
			else if (state === 'CLOSE-WAIT') closeFin('LAST-ACK');
			else fail('connection-closing');
		},

		// §3.10.5
		abort() {
			if (state === 'CLOSED') fail('connection-does-not-exist');
			if (state === 'SYN-RECEIVED' || state === 'CLOSE-WAIT' || RECEIVING.includes(state)) {
				tx('RST', sndNxt, 'rst-abort');
			}
			go('CLOSED', 'abort');
		},

		receive(seg) {
			if (state === 'CLOSED') arriveClosed(seg);
			else if (state === 'LISTEN') arriveListen(seg);
			else if (state === 'SYN-SENT') arriveSynSent(seg);
			else arriveSynchronized(seg);
			if (ackNow) tx('ACK', sndNxt, ackNow);
			else if (ackLater && !running.has('delack')) {
				if (cfg.delayedAckMs) timer('delack', cfg.delayedAckMs);
				else tx('ACK', sndNxt, 'ack');
			}
			ackLater = false;
		},

		// §3.10.8
		fire(name) {
			if (!running.delete(name)) return;
			if (name === 'time-wait') return go('CLOSED', 'timeout-2msl');
			if (name === 'delack') return tx('ACK', sndNxt, 'delayed-ack');
			const limit =
				state === 'SYN-SENT' ? cfg.synRetries : state === 'SYN-RECEIVED' ? cfg.synAckRetries : cfg.dataRetries;
			if (++retries > limit) return go('CLOSED', 'timeout-retries');
			// RFC 6298 §5.5–5.6: back off, resend, restart
			rto = Math.min(rto * 2, cfg.rtoMaxMs);
			retransmit();
			timer('rtx', rto);
		},
	};
}
