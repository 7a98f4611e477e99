import { ackAcceptability, receiveAcceptability, resetAcceptability } from './acceptability.ts';
import { resolveConfig, type TcpConfig } from './config.ts';
import { TcpError, type TcpErrorCode } from './errors.ts';
import { checkIsn, fixedIsn, type IsnSource } from './isn.ts';
import { createQuickAck } from './quickack.ts';
import { createRttEstimator, retriesAsTimeMs } from './rtt.ts';
import { parseFlags, segLen, type Segment } from './segment.ts';
import { seqAdd, seqGeq, seqGt, seqLeq, seqSub } from './sequence.ts';
import type { TcpState, TransitionEvent } from './states.ts';

export type TimerName = 'rtx' | 'time-wait' | 'delack' | 'keepalive';

/** Why a segment was sent: machine-readable, for traces, widgets and lessons. */
export type SendReason =
	| 'syn'
	| 'syn-ack'
	| 'ack'
	| 'data'
	| 'fin'
	| 'retransmit'
	/** A tail loss probe: the last segment sent again before the RTO (Linux). */
	| 'loss-probe'
	/** A keep-alive probe: an ACK one below SND.NXT, which the peer must answer (RFC 9293 §3.8.4). */
	| 'keepalive'
	| 'dup-ack'
	| 'challenge-ack'
	| 'delayed-ack'
	| 'rst-no-connection'
	| 'rst-listen'
	| 'rst-bad-ack'
	| 'rst-abort'
	/** Keep-alive probes went unanswered: Linux resets the connection as it gives up (tcp_keepalive_timer). */
	| 'rst-keepalive'
	/** The handshake's last ACK met a full accept queue, and tcp_abort_on_overflow is set (Linux). */
	| 'rst-overflow'
	| 'injected';

export type Effect =
	| { type: 'send'; seg: Segment; reason: SendReason }
	| { type: 'state'; from: TcpState; to: TcpState; event: TransitionEvent }
	/** `ms: null` stops the timer; a number (re)starts it. */
	| { type: 'timer'; timer: TimerName; ms: number | null };

/**
 * Whether a listener's accept queue is full at a moment (ms): connections the model does not run
 * fill it while the application does not accept them.
 */
export type AcceptQueueSource = (nowMs: number) => boolean;

export interface EndpointConfig extends Partial<TcpConfig> {
	isn: number | IsnSource;
	/** Read only where the profile has an accept queue (`acceptQueue`); unset, it is never full. */
	acceptQueueFull?: AcceptQueueSource;
}

/** A segment sent and not yet acknowledged: for RTT samples, tail loss probes and Karn's rule. */
interface InFlight {
	flags: string;
	seq: number;
	len: number;
	/** The sequence number after it. */
	end: number;
	/** Its latest (re)transmission. */
	sentAt: number;
	retransmitted: boolean;
}

// Linux's TIME-WAIT gives a reopened connection this ISN beyond the old one's SND.NXT (tcp_timewait_state_process).
const TIME_WAIT_ISN_STEP = 65_535 + 2;

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
	/** Turns keep-alive probes on, the idle time counted from now (Linux's tcp_set_keepalive). */
	keepAlive(): void;
	receive(seg: Segment): void;
	fire(timer: TimerName): void;
}

// §3.10.7.4 seventh and eighth: the states that still accept text and a FIN.
const RECEIVING: readonly TcpState[] = ['ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2'];

/**
 * One TCP endpoint following RFC 9293 §3.10's event processing, or, where its
 * config switches them on, Linux's departures from it (profile.ts lists each).
 * It does not keep time: it reports effects (segments, state changes, timer
 * starts and stops) through `out`, and the caller delivers segments and fires timers.
 */
export function createEndpoint(
	config: EndpointConfig,
	out: (effect: Effect) => void,
	now: () => number = () => 0,
): Endpoint {
	const { isn, acceptQueueFull, ...timing } = config;
	const isnOf = typeof isn === 'function' ? isn : fixedIsn(isn);
	const cfg = resolveConfig(timing);
	// Linux's sk_acceptq_is_full, asked by tcp_conn_request of a SYN and by tcp_v4_syn_recv_sock of the handshake's ACK.
	const queueFull = () => passive && cfg.acceptQueue && !!acceptQueueFull?.(now());
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
	let rtt = createRttEstimator(cfg);
	let rto = cfg.rtoInitialMs;
	let retries = 0;
	// When the first retransmission by the RTO left, for a give-up counted in time.
	let firstRetransmitAt = 0;
	let flight: InFlight[] = [];
	// The 'rtx' timer runs either the RTO or, before it, a tail loss probe (one timer in Linux too).
	let rtxFor: 'rto' | 'probe' = 'rto';
	// SND.NXT when the last loss probe left; null while none is outstanding.
	let probeHigh: number | null = null;
	let lastOowAckAt = -Infinity;
	let lastReceivedAt = 0;
	let keepAliveProbes = 0;
	let keepAliveOn = cfg.keepAlive;
	const newQuickAck = () => (cfg.quickAcks ? createQuickAck(cfg.delayedAckMs, cfg.quickAcks) : null);
	let quickAck = newQuickAck();
	// An ACK owed for the segment being processed: sent at the end unless a segment carried it.
	let ackNow: SendReason | null = null;
	let ackLater = false;
	const running = new Set<TimerName>();

	// Linux keeps timeouts in whole jiffies, rounded up (usecs_to_jiffies): a 200.05 ms RTO is 204 ms at
	// HZ 250, and doubles from there.
	const ticks = (ms: number) => (cfg.hz ? Math.ceil((ms * cfg.hz) / 1000 - 1e-9) * (1000 / cfg.hz) : ms);

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
			quickAck?.ackSent();
		}
		if (len) quickAck?.dataSent(now());
		out({ type: 'send', seg: { flags: f, seq, ack: f.ack ? ack : 0, wnd: cfg.wnd, len }, reason });
	};

	// Linux sends a tail loss probe after 2·SRTT (plus the minimum RTO when one segment is out, for the
	// peer's delayed ACK), unless the RTO comes first (tcp_output.c tcp_schedule_loss_probe).
	const probeDue = (): number | null => {
		const srtt = rtt.srtt;
		if (!cfg.tailLossProbe || srtt === null || retries || !flight.length || sndUna === iss) return null;
		const pto = ticks(2 * srtt) + (flight.length === 1 ? cfg.rtoMinMs : 0);
		const rtoLeft = ticks(rto - (now() - flight[0]!.sentAt));
		return rtoLeft > 0 ? Math.min(pto, rtoLeft) : pto;
	};

	const armRtx = (ms: number, kind: 'rto' | 'probe') => {
		rtxFor = kind;
		timer('rtx', ms);
	};

	// New data or control takes fresh sequence space and is covered by the retransmission timer (RFC 6298 §5.1).
	const txNew = (flags: string, reason: SendReason, len = 0) => {
		const seq = sndNxt;
		sndNxt = seqAdd(sndNxt, len + +flags.includes('SYN') + +flags.includes('FIN'));
		flight.push({ flags, seq, len, end: sndNxt, sentAt: now(), retransmitted: false });
		tx(flags, seq, reason, len);
		const probe = probeDue();
		if (probe !== null) armRtx(probe, 'probe');
		else if (!running.has('rtx')) armRtx(rto, 'rto');
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
			timer('keepalive', null);
			timer('time-wait', cfg.timeWaitMs);
		} else if (to === 'ESTABLISHED') {
			if (keepAliveOn && !running.has('keepalive')) timer('keepalive', cfg.keepAliveMs);
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

	// A fresh incarnation: new send sequence space from `isn`, no RTT known.
	const begin = (isn: number, isPassive: boolean) => {
		iss = isn;
		sndUna = sndNxt = iss;
		finSeq = null;
		passive = isPassive;
		rtt = createRttEstimator(cfg);
		rto = cfg.rtoInitialMs;
		retries = 0;
		flight = [];
		probeHigh = null;
		quickAck = newQuickAck();
	};

	const connect = (event: TransitionEvent) => {
		begin(checkIsn(isnOf(now())), false);
		go('SYN-SENT', event);
		txNew('SYN', 'syn');
	};

	const wantAck = (reason: SendReason, later = false) => {
		if (later) ackLater = true;
		else ackNow = reason;
	};

	// Linux answers at most once per ackRateLimitMs (tcp_input.c tcp_oow_rate_limited): true when an
	// answer went out less than that ago; otherwise this one counts as sent.
	const oowRateLimited = () => {
		if (now() - lastOowAckAt < cfg.ackRateLimitMs) return true;
		lastOowAckAt = now();
		return false;
	};
	// Rate-limited only for unacceptable control segments (no data, or a SYN); data is always acknowledged.
	const oowAck = (reason: SendReason, seg: Segment) => {
		if (cfg.ackRateLimitMs && (seg.flags.syn || !(seg.len + +seg.flags.fin)) && oowRateLimited()) return;
		wantAck(reason);
	};

	const markSent = (entries: InFlight[]) => {
		for (const e of entries) {
			e.sentAt = now();
			e.retransmitted = true;
		}
	};

	// Retransmit the earliest unacknowledged segment (RFC 6298 §5.4), repacketized as one
	// (Linux collapses small segments the same way: tcp_output.c tcp_retrans_try_collapse).
	const retransmit = () => {
		markSent(flight);
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

	const acceptSyn = (seg: Segment, isn: number) => {
		irs = seg.seq;
		rcvNxt = seqAdd(irs, 1);
		begin(isn, true);
		go('SYN-RECEIVED', 'rcv-syn');
		txNew('SYN, ACK', 'syn-ack');
	};

	// §3.10.7.2
	const arriveListen = (seg: Segment) => {
		const f = seg.flags;
		if (f.rst) return;
		if (f.ack) return tx('RST', seg.ack, 'rst-listen');
		if (!f.syn || queueFull()) return;
		acceptSyn(seg, checkIsn(isnOf(now())));
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

	// RTT from the segments an ACK covers: the oldest never retransmitted (Karn, RFC 6298 §3), or,
	// with timestamps, the latest transmission of the newest, whose TSval the ACK echoes (RFC 7323 §4).
	const rttSample = (acked: InFlight[]): number | null => {
		if (cfg.timestamps) return now() - acked.at(-1)!.sentAt;
		return acked[0]!.retransmitted ? null : now() - acked[0]!.sentAt;
	};

	// New acknowledgments restart or stop the timer and reset the backoff (RFC 6298 §5.2, §5.3).
	const ackNew = (ack: number) => {
		const acked = flight.filter((e) => seqLeq(e.end, ack));
		flight = flight.filter((e) => !seqLeq(e.end, ack));
		const sample = acked.length ? rttSample(acked) : null;
		if (sample !== null) rtt.sample(sample);
		sndUna = ack;
		retries = 0;
		rto = ticks(rtt.rto());
		if (probeHigh !== null && seqGeq(ack, probeHigh)) probeHigh = null;
		if (sndUna === sndNxt) return timer('rtx', null);
		const probe = probeDue();
		armRtx(probe ?? rto, probe === null ? 'rto' : 'probe');
	};

	// Linux's TIME-WAIT takes a SYN it can tell from the old connection's — a higher sequence number,
	// or with timestamps a newer TSval — as a new connection if someone listens (tcp_timewait_state_process).
	// The model carries no TSval: a SYN with another ISN than the old connection's stands for a newer one,
	// a repeat of the old SYN for an old duplicate that PAWS would reject.
	const timeWaitSyn = (seg: Segment): boolean => {
		const f = seg.flags;
		if (!cfg.timeWaitNewSyn || state !== 'TIME-WAIT' || !f.syn || f.ack || f.rst) return false;
		if (!seqGt(seg.seq, rcvNxt) && !(cfg.timestamps && seg.seq !== irs)) return false;
		// Without a listener Linux answers as TIME-WAIT answers anything: its last ACK.
		if (!passive) {
			wantAck('dup-ack');
			return true;
		}
		timer('time-wait', null);
		acceptSyn(seg, seqAdd(sndNxt, TIME_WAIT_ISN_STEP));
		return true;
	};

	// §3.10.7.4, for SYN-RECEIVED and the synchronized states.
	const arriveSynchronized = (seg: Segment) => {
		if (timeWaitSyn(seg)) return;
		const f = seg.flags;
		let { seq, len } = seg;
		let { syn, fin } = f;
		let dup = false;
		// "Only the new parts are processed": strip a repeat of the peer's SYN, of bytes
		// already received, or of the FIN already received, then acknowledge the repeat.
		if (!f.rst) {
			if (syn && seq === irs) {
				if (cfg.synAckOnDupSyn && state === 'SYN-RECEIVED' && passive) {
					// Linux answers with the SYN,ACK again and restarts its timer (tcp_minisocks.c tcp_check_req).
					if (oowRateLimited()) return;
					retransmit();
					return armRtx(rto, 'rto');
				}
				// Linux finds the repeat acceptable and, as for any SYN in a synchronized state, drops it with a
				// challenge ACK (tcp_validate_incoming), which its rate limit may then hold back.
				if (cfg.ackRateLimitMs && state !== 'SYN-RECEIVED') return oowAck('challenge-ack', seg);
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
			if (verdict === 'challenge-ack') return oowAck('challenge-ack', seg);
			return go(state === 'SYN-RECEIVED' && passive ? 'LISTEN' : 'CLOSED', 'rcv-rst');
		}
		// first: acceptability (Table 5; this model's window never closes)
		if (!receiveAcceptability({ rcvNxt, rcvWnd: cfg.wnd, segSeq: seq, segLen: len + +syn + +fin }).acceptable) {
			return oowAck('dup-ack', seg);
		}
		// fourth: a new SYN
		if (syn) {
			if (state === 'SYN-RECEIVED' && passive) return go('LISTEN', 'rcv-syn');
			return oowAck('challenge-ack', seg);
		}
		// fifth: ACK
		if (!f.ack) return;
		const ack = ackAcceptability({ sndUna, sndNxt, segAck: seg.ack });
		if (state === 'SYN-RECEIVED') {
			if (ack !== 'acceptable') return tx('RST', seg.ack, 'rst-bad-ack');
			// No room to complete the connection: Linux drops the ACK and keeps resending its SYN,ACK, or
			// resets it and forgets the request, the listener listening on (tcp_check_req, listen_overflow).
			if (queueFull()) {
				if (!cfg.abortOnOverflow) return;
				tx('RST', seg.ack, 'rst-overflow');
				return go('LISTEN', 'rcv-ack-of-syn');
			}
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
		if (len) quickAck?.dataReceived(now(), rto);
		if (!fin) return wantAck('ack', !quickAck?.quick());
		if (state === 'ESTABLISHED') {
			quickAck?.finReceived();
			wantAck('ack', true);
			go('CLOSE-WAIT', 'rcv-fin');
		} else {
			wantAck('ack');
			go(state === 'FIN-WAIT-1' ? 'CLOSING' : 'TIME-WAIT', 'rcv-fin');
		}
	};

	// RFC 9293 §3.8.3 R2 as a count of retransmissions, or Linux's count of SYNs (plus the linear
	// ones) and, for data, the time that many doublings would take (tcp_timer.c tcp_write_timeout).
	const givesUp = (): boolean => {
		if (state === 'SYN-SENT') return retries >= cfg.synRetries + cfg.synLinearTimeouts;
		if (state === 'SYN-RECEIVED') return retries >= cfg.synAckRetries;
		if (!cfg.dataRetriesAsTime) return retries >= cfg.dataRetries;
		return retries > 0 && now() - firstRetransmitAt >= retriesAsTimeMs(cfg.dataRetries, cfg.rtoMinMs, cfg.rtoMaxMs);
	};

	// The reset an endpoint sends when it ends a connection itself (ABORT, or keep-alive giving up),
	// from SND.NXT; Linux sends both through tcp_send_active_reset, with ACK set.
	const activeReset = (reason: SendReason) => tx(cfg.abortRstAck ? 'RST, ACK' : 'RST', sndNxt, reason);

	// §3.8.4, as Linux's tcp_keepalive_timer does it: only while nothing is in flight, once nothing has
	// arrived for keepAliveMs; a probe every keepAliveIntervalMs after that; a reset once keepAliveProbes
	// went unanswered.
	const keepAlive = () => {
		const idle = now() - lastReceivedAt;
		if (flight.length || queued) return timer('keepalive', cfg.keepAliveMs);
		// (A microsecond's grace: float sums must not re-arm the timer for nothing, again and again.)
		if (cfg.keepAliveMs - idle > 1e-3) return timer('keepalive', cfg.keepAliveMs - idle);
		if (keepAliveProbes >= cfg.keepAliveProbes) {
			activeReset('rst-keepalive');
			return go('CLOSED', 'timeout-retries');
		}
		keepAliveProbes++;
		tx('ACK', seqAdd(sndUna, -1), 'keepalive');
		timer('keepalive', cfg.keepAliveIntervalMs);
	};

	// Linux's tcp_send_loss_probe: the last segment again, then the RTO in full from now.
	const lossProbe = () => {
		const last = flight.at(-1);
		if (probeHigh === null && last) {
			probeHigh = sndNxt;
			markSent([last]);
			tx(last.flags, last.seq, 'loss-probe', last.len);
			return armRtx(rto, 'rto');
		}
		armRtx(Math.max(rto - (now() - flight[0]!.sentAt), 0), 'rto');
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
				activeReset('rst-abort');
			}
			go('CLOSED', 'abort');
		},

		keepAlive() {
			if (keepAliveOn) return;
			keepAliveOn = true;
			// Armed once synchronized (tcp_finish_connect arms it then); a TIME-WAIT socket has no keep-alive.
			if (!['CLOSED', 'LISTEN', 'SYN-SENT', 'SYN-RECEIVED', 'TIME-WAIT'].includes(state)) timer('keepalive', cfg.keepAliveMs);
		},

		receive(seg) {
			// Any segment shows the peer alive (tcp_ack resets icsk_probes_out and rcv_tstamp).
			lastReceivedAt = now();
			keepAliveProbes = 0;
			if (state === 'CLOSED') arriveClosed(seg);
			else if (state === 'LISTEN') arriveListen(seg);
			else if (state === 'SYN-SENT') arriveSynSent(seg);
			else arriveSynchronized(seg);
			if (ackNow) tx('ACK', sndNxt, ackNow);
			else if (ackLater && !running.has('delack')) {
				if (quickAck) timer('delack', ticks(quickAck.delay(rtt.srtt)));
				else if (cfg.delayedAckMs) timer('delack', cfg.delayedAckMs);
				else tx('ACK', sndNxt, 'ack');
			}
			ackLater = false;
		},

		// §3.10.8
		fire(name) {
			if (!running.delete(name)) return;
			if (name === 'time-wait') return go('CLOSED', 'timeout-2msl');
			if (name === 'keepalive') return keepAlive();
			if (name === 'delack') {
				quickAck?.timerFired(rto);
				return tx('ACK', sndNxt, 'delayed-ack');
			}
			if (rtxFor === 'probe') return lossProbe();
			probeHigh = null;
			if (givesUp()) return go(state === 'SYN-RECEIVED' && passive && cfg.synReceivedTimeoutToListen ? 'LISTEN' : 'CLOSED', 'timeout-retries');
			if (!retries++) firstRetransmitAt = now();
			// RFC 6298 §5.5–5.6: back off, resend, restart; Linux keeps a SYN's first timeouts linear (tcp_retransmit_timer).
			if (state !== 'SYN-SENT' || retries > cfg.synLinearTimeouts) rto = Math.min(rto * 2, cfg.rtoMaxMs);
			retransmit();
			armRtx(rto, 'rto');
		},
	};
}
