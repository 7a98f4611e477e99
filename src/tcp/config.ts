import { TcpError } from './errors.ts';

/**
 * Every setting of an endpoint. Numbers are milliseconds (…Ms) or counts; the
 * booleans switch on a behaviour RFC 9293 does not have. What each one does on
 * each side, and where that is specified, is in profile.ts.
 */
export interface TcpConfig {
	/** Timer ticks per second: RTOs and ACK delays are whole ticks (Linux's jiffies); 0 keeps exact times. */
	hz: number;
	/** RTO before an RTT has been measured. */
	rtoInitialMs: number;
	/** Floor of the RTO once an RTT has been measured: of the whole RTO, or of its variance term (rtoMinOnVariance). */
	rtoMinMs: number;
	/** RTO = SRTT + max(4·RTTVAR, rtoMinMs) instead of max(SRTT + 4·RTTVAR, rtoMinMs). */
	rtoMinOnVariance: boolean;
	/** Cap on the backed-off RTO. */
	rtoMaxMs: number;
	/** SYN retransmissions sent at the initial RTO before the backoff starts doubling it. */
	synLinearTimeouts: number;
	/** Retransmissions before giving up, per state (RFC 9293 §3.8.3, R2). */
	synRetries: number;
	synAckRetries: number;
	dataRetries: number;
	/** Count dataRetries as the time that many doublings from rtoMinMs take, not as retransmissions. */
	dataRetriesAsTime: boolean;
	/** Maximum segment lifetime; TIME-WAIT lasts 2×MSL (RFC 9293 §3.4.2) unless timeWaitMs is set. */
	mslMs?: number;
	/** A fixed TIME-WAIT length, as Linux has (TCP_TIMEWAIT_LEN). */
	timeWaitMs?: number;
	/** 0 acknowledges at once; RFC 9293 §3.8.6.3 allows a delay under 500 ms. */
	delayedAckMs: number;
	/** Data segments acknowledged at once, before delayed ACKs start (Linux's quick-ack mode). */
	quickAcks: number;
	/** Receive window advertised and used by the acceptability test. */
	wnd: number;
	/** Timestamps on (RFC 7323): RTT samples from retransmitted segments, and TIME-WAIT's test of a new SYN. */
	timestamps: boolean;
	/** A tail loss probe (RFC 8985 §7) before the RTO when the last segment sent is not acknowledged. */
	tailLossProbe: boolean;
	/** A repeated SYN in SYN-RECEIVED is answered with the SYN,ACK again rather than a bare ACK. */
	synAckOnDupSyn: boolean;
	/** At most one ACK per this interval in answer to unacceptable control segments; 0: no limit. */
	ackRateLimitMs: number;
	/** TIME-WAIT accepts a new SYN that cannot belong to the old connection (RFC 9293 §3.6.1 MAY-2). */
	timeWaitNewSyn: boolean;
	/** ABORT's reset also carries ACK (RST,ACK). */
	abortRstAck: boolean;
	/** A SYN-RECEIVED entered from LISTEN that gives up returns to LISTEN instead of CLOSED. */
	synReceivedTimeoutToListen: boolean;
	/**
	 * The listener holds completed connections until the application accepts them: while its accept
	 * queue is full (EndpointConfig.acceptQueueFull) it drops new SYNs and does not complete a handshake.
	 */
	acceptQueue: boolean;
	/** With the accept queue full, the handshake's last ACK is answered with a RST instead of dropped. */
	abortOnOverflow: boolean;
	/** SO_KEEPALIVE: probe an idle connection (off by default, RFC 9293 §3.8.4). */
	keepAlive: boolean;
	/** Idle time before the first keep-alive probe, then the time between probes and how many go unanswered. */
	keepAliveMs: number;
	keepAliveIntervalMs: number;
	keepAliveProbes: number;
}

/**
 * RFC values: MSL 2 minutes (§3.4.2); retry counts chosen so that with the
 * 60 s cap a SYN is retried for at least 3 minutes and data for at least
 * 100 s (RFC 1122 §4.2.3.5, which RFC 9293 §3.8.3 keeps).
 */
export const RFC9293_CONFIG: Readonly<TcpConfig> = {
	hz: 0,
	rtoInitialMs: 1000,
	rtoMinMs: 1000,
	rtoMinOnVariance: false,
	rtoMaxMs: 60_000,
	synLinearTimeouts: 0,
	synRetries: 7,
	synAckRetries: 7,
	dataRetries: 6,
	dataRetriesAsTime: false,
	mslMs: 120_000,
	delayedAckMs: 0,
	quickAcks: 0,
	wnd: 65_535,
	timestamps: false,
	tailLossProbe: false,
	synAckOnDupSyn: false,
	ackRateLimitMs: 0,
	timeWaitNewSyn: false,
	abortRstAck: false,
	synReceivedTimeoutToListen: false,
	acceptQueue: false,
	abortOnOverflow: false,
	keepAlive: false,
	keepAliveMs: 7_200_000,
	keepAliveIntervalMs: 75_000,
	keepAliveProbes: 9,
};

/** Linux defaults (6.5 and later); each value's source is in profile.ts. */
export const LINUX_CONFIG: Readonly<TcpConfig> = {
	hz: 250,
	rtoInitialMs: 1000,
	rtoMinMs: 200,
	rtoMinOnVariance: true,
	rtoMaxMs: 120_000,
	synLinearTimeouts: 4,
	synRetries: 6,
	synAckRetries: 5,
	dataRetries: 15,
	dataRetriesAsTime: true,
	timeWaitMs: 60_000,
	delayedAckMs: 40,
	quickAcks: 16,
	wnd: 65_535,
	timestamps: true,
	tailLossProbe: true,
	synAckOnDupSyn: true,
	ackRateLimitMs: 500,
	timeWaitNewSyn: true,
	abortRstAck: true,
	synReceivedTimeoutToListen: true,
	acceptQueue: true,
	abortOnOverflow: false,
	keepAlive: false,
	keepAliveMs: 7_200_000,
	keepAliveIntervalMs: 75_000,
	keepAliveProbes: 9,
};

/** Each profile's settings by its name (ProfileName); PROFILES (profile.ts) adds each switch's source. */
export const PROFILE_CONFIGS = { rfc9293: RFC9293_CONFIG, linux: LINUX_CONFIG } as const;

export type ResolvedConfig = Required<Omit<TcpConfig, 'mslMs'>>;

/** Fills gaps from the RFC profile and rejects values that would make the model lie. */
export function resolveConfig(partial: Partial<TcpConfig>): ResolvedConfig {
	const timeWaitMs = partial.timeWaitMs ?? 2 * (partial.mslMs ?? RFC9293_CONFIG.mslMs!);
	const { mslMs: _, ...rest } = { ...RFC9293_CONFIG, ...partial, timeWaitMs };
	for (const v of Object.values(rest)) {
		if (typeof v === 'boolean') continue;
		if (!Number.isInteger(v) || v < 0) throw new TcpError('invalid-config');
	}
	// A zero window would stall the handshake (RFC 9293 §3.8.6.1 zero-window probing is not modelled).
	if (rest.wnd < 1 || rest.wnd > 65_535 || rest.rtoInitialMs < 1 || rest.rtoMinMs < 1) throw new TcpError('invalid-config');
	if (rest.keepAliveMs < 1 || rest.keepAliveIntervalMs < 1) throw new TcpError('invalid-config');
	return rest;
}
