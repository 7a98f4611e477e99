import { TcpError } from './errors';

export interface TcpConfig {
	/** RFC 6298 §2.1: 1 s until an RTT has been measured (this model never measures one). */
	rtoInitialMs: number;
	/** RFC 6298 §2.5: a cap on the doubled RTO, at least 60 s. */
	rtoMaxMs: number;
	/** Retransmissions before giving up, per state (RFC 9293 §3.8.3, R2). */
	synRetries: number;
	synAckRetries: number;
	dataRetries: number;
	/** Maximum segment lifetime; TIME-WAIT lasts 2×MSL (RFC 9293 §3.4.2) unless timeWaitMs is set. */
	mslMs?: number;
	/** A fixed TIME-WAIT length, as Linux has (TCP_TIMEWAIT_LEN). */
	timeWaitMs?: number;
	/** 0 acknowledges at once; RFC 9293 §3.8.6.3 allows a delay under 500 ms. */
	delayedAckMs: number;
	/** Receive window advertised and used by the acceptability test. */
	wnd: number;
}

/**
 * RFC values: MSL 2 minutes (§3.4.2); retry counts chosen so that with the
 * 60 s cap a SYN is retried for at least 3 minutes and data for at least
 * 100 s (RFC 1122 §4.2.3.5, which RFC 9293 §3.8.3 keeps).
 */
export const RFC_PRESET: Readonly<TcpConfig> = {
	rtoInitialMs: 1000,
	rtoMaxMs: 60_000,
	synRetries: 7,
	synAckRetries: 7,
	dataRetries: 6,
	mslMs: 120_000,
	delayedAckMs: 0,
	wnd: 65_535,
};

/** Linux defaults: tcp_syn_retries, tcp_synack_retries, tcp_retries2, TCP_RTO_MAX, TCP_TIMEWAIT_LEN, TCP_DELACK_MIN. */
export const LINUX_PRESET: Readonly<TcpConfig> = {
	rtoInitialMs: 1000,
	rtoMaxMs: 120_000,
	synRetries: 6,
	synAckRetries: 5,
	dataRetries: 15,
	timeWaitMs: 60_000,
	delayedAckMs: 40,
	wnd: 65_535,
};

export const PRESETS = { rfc: RFC_PRESET, linux: LINUX_PRESET } as const;
export type PresetName = keyof typeof PRESETS;

export type ResolvedConfig = Required<Omit<TcpConfig, 'mslMs'>>;

/** Fills gaps from the RFC preset and rejects values that would make the model lie. */
export function resolveConfig(partial: Partial<TcpConfig>): ResolvedConfig {
	const timeWaitMs = partial.timeWaitMs ?? 2 * (partial.mslMs ?? RFC_PRESET.mslMs!);
	const { mslMs: _, ...rest } = { ...RFC_PRESET, ...partial, timeWaitMs };
	for (const v of Object.values(rest)) {
		if (!Number.isInteger(v) || v < 0) throw new TcpError('invalid-config');
	}
	// A zero window would stall the handshake (RFC 9293 §3.8.6.1 zero-window probing is not modelled).
	if (rest.wnd < 1 || rest.wnd > 65_535 || rest.rtoInitialMs < 1) throw new TcpError('invalid-config');
	return rest;
}
