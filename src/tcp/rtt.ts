import type { ResolvedConfig } from './config.ts';

type RtoConfig = Pick<ResolvedConfig, 'rtoInitialMs' | 'rtoMinMs' | 'rtoMinOnVariance' | 'rtoMaxMs'>;

export interface RttEstimator {
	/** Smoothed RTT; null until the first sample. */
	readonly srtt: number | null;
	sample(ms: number): void;
	/** The RTO before any backoff. */
	rto(): number;
}

/**
 * RFC 6298 §2's estimator (α = 1/8, β = 1/4). The floor applies to the whole RTO
 * (§2.4), or, as Linux's tcp_rtt_estimator and tcp_set_rto do, to the variance
 * term only: RTO = SRTT + max(4·RTTVAR, rtoMinMs), so a 50 µs loopback RTT gives
 * an RTO just over 200 ms. Linux's per-round decay of the variance (mdev_max) is
 * left out: with the steady RTTs of a capture it changes nothing the wire shows.
 */
export function createRttEstimator(cfg: RtoConfig): RttEstimator {
	let srtt: number | null = null;
	let rttvar = 0;
	return {
		get srtt() {
			return srtt;
		},
		sample(r) {
			if (srtt === null) {
				srtt = r;
				rttvar = r / 2;
			} else {
				rttvar = 0.75 * rttvar + 0.25 * Math.abs(srtt - r);
				srtt = 0.875 * srtt + 0.125 * r;
			}
		},
		rto() {
			if (srtt === null) return cfg.rtoInitialMs;
			const rto = cfg.rtoMinOnVariance
				? srtt + Math.max(4 * rttvar, cfg.rtoMinMs)
				: Math.max(srtt + 4 * rttvar, cfg.rtoMinMs);
			return Math.min(rto, cfg.rtoMaxMs);
		},
	};
}

/**
 * How long Linux retransmits data before giving up (tcp_timer.c tcp_model_timeout):
 * the time `boundary` doublings of `baseMs` would take, the RTO capped at `maxMs`.
 * tcp_retries2 = 15 with the 200 ms base gives 924.6 s.
 */
export function retriesAsTimeMs(boundary: number, baseMs: number, maxMs: number): number {
	const linear = Math.floor(Math.log2(maxMs / baseMs));
	if (boundary <= linear) return (2 ** (boundary + 1) - 1) * baseMs;
	return (2 ** (linear + 1) - 1) * baseMs + (boundary - linear) * maxMs;
}
