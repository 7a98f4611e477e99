import { PROFILE_CONFIGS, resolveConfig, type ResolvedConfig, type TcpConfig } from './config.ts';

/** Whose behaviour an endpoint follows: RFC 9293 read literally, or Linux's defaults (6.5 and later). */
export type ProfileName = 'rfc9293' | 'linux';
export const PROFILE_NAMES: readonly ProfileName[] = ['rfc9293', 'linux'];

/** Linux source cited: file paths and function names as in this release. */
export const LINUX_VERSION = 'v6.18';

/** Where a behaviour is specified: an RFC section, or a Linux file and function (with its sysctl or constant). */
export type SourceRef =
	| { rfc: number; section: string }
	| { linux: string; fn: string; sysctl?: `net.ipv4.${string}`; constant?: string };

/** The settings on which the two profiles may differ, each a TcpConfig key. */
export const SWITCH_IDS = [
	'hz',
	'rtoInitialMs',
	'rtoMinMs',
	'rtoMinOnVariance',
	'rtoMaxMs',
	'synLinearTimeouts',
	'synRetries',
	'synAckRetries',
	'synReceivedTimeoutToListen',
	'acceptQueue',
	'abortOnOverflow',
	'dataRetries',
	'dataRetriesAsTime',
	'tailLossProbe',
	'timestamps',
	'delayedAckMs',
	'quickAcks',
	'synAckOnDupSyn',
	'ackRateLimitMs',
	'abortRstAck',
	'timeWaitMs',
	'timeWaitNewSyn',
	'keepAliveMs',
	'keepAliveIntervalMs',
	'keepAliveProbes',
] as const satisfies readonly (keyof ResolvedConfig)[];

export type SwitchId = (typeof SWITCH_IDS)[number];

export interface ProfileSwitch {
	id: SwitchId;
	value: number | boolean;
	/** 'ms' for durations, 'count' for numbers of segments or retries, 'hz' for a tick rate, null for on/off. */
	unit: 'ms' | 'count' | 'hz' | null;
	source: SourceRef;
}

export interface Profile {
	id: ProfileName;
	/** What an endpoint of this profile is created with (TIME-WAIT as the profile sets it). */
	config: Readonly<ResolvedConfig>;
	/** In SWITCH_IDS order; `value` is config[id]. */
	switches: readonly ProfileSwitch[];
}

const rfc = (n: number, section: string): SourceRef => ({ rfc: n, section });
const linux = (file: string, fn: string, more: { sysctl?: `net.ipv4.${string}`; constant?: string } = {}): SourceRef => ({
	linux: file,
	fn,
	...more,
});

const TIMER = 'net/ipv4/tcp_timer.c';
const INPUT = 'net/ipv4/tcp_input.c';
const OUTPUT = 'net/ipv4/tcp_output.c';
const MINISOCKS = 'net/ipv4/tcp_minisocks.c';

const SOURCES: Record<ProfileName, Record<SwitchId, SourceRef>> = {
	rfc9293: {
		hz: rfc(6298, '4'),
		rtoInitialMs: rfc(6298, '2.1'),
		rtoMinMs: rfc(6298, '2.4'),
		rtoMinOnVariance: rfc(6298, '2.3'),
		rtoMaxMs: rfc(6298, '2.5'),
		synLinearTimeouts: rfc(6298, '5.5'),
		synRetries: rfc(9293, '3.8.3'),
		synAckRetries: rfc(9293, '3.8.3'),
		synReceivedTimeoutToListen: rfc(9293, '3.10.8'),
		// No accept queue: an acceptable ACK in SYN-RECEIVED makes the connection ESTABLISHED, whatever the application does.
		acceptQueue: rfc(9293, '3.10.7.4'),
		abortOnOverflow: rfc(9293, '3.10.7.4'),
		dataRetries: rfc(9293, '3.8.3'),
		dataRetriesAsTime: rfc(9293, '3.8.3'),
		tailLossProbe: rfc(8985, '7'),
		timestamps: rfc(7323, '3'),
		delayedAckMs: rfc(9293, '3.8.6.3'),
		quickAcks: rfc(9293, '3.8.6.3'),
		synAckOnDupSyn: rfc(9293, '3.10.7.4'),
		ackRateLimitMs: rfc(5961, '7'),
		abortRstAck: rfc(9293, '3.10.5'),
		timeWaitMs: rfc(9293, '3.4.2'),
		timeWaitNewSyn: rfc(9293, '3.6.1'),
		keepAliveMs: rfc(9293, '3.8.4'),
		keepAliveIntervalMs: rfc(9293, '3.8.4'),
		keepAliveProbes: rfc(9293, '3.8.4'),
	},
	linux: {
		hz: linux('include/net/tcp.h', '__tcp_set_rto', { constant: 'CONFIG_HZ' }),
		rtoInitialMs: linux('net/ipv4/tcp.c', 'tcp_init_sock', { constant: 'TCP_TIMEOUT_INIT' }),
		rtoMinMs: linux(INPUT, 'tcp_rtt_estimator', { constant: 'TCP_RTO_MIN', sysctl: 'net.ipv4.tcp_rto_min_us' }),
		rtoMinOnVariance: linux(INPUT, 'tcp_set_rto'),
		rtoMaxMs: linux(TIMER, 'tcp_retransmit_timer', { constant: 'TCP_RTO_MAX', sysctl: 'net.ipv4.tcp_rto_max_ms' }),
		synLinearTimeouts: linux(TIMER, 'tcp_retransmit_timer', { sysctl: 'net.ipv4.tcp_syn_linear_timeouts' }),
		synRetries: linux(TIMER, 'tcp_write_timeout', { sysctl: 'net.ipv4.tcp_syn_retries' }),
		synAckRetries: linux('net/ipv4/inet_connection_sock.c', 'reqsk_timer_handler', { sysctl: 'net.ipv4.tcp_synack_retries' }),
		synReceivedTimeoutToListen: linux('net/ipv4/inet_connection_sock.c', 'reqsk_timer_handler'),
		acceptQueue: linux('net/ipv4/tcp_ipv4.c', 'tcp_v4_syn_recv_sock'),
		abortOnOverflow: linux(MINISOCKS, 'tcp_check_req', { sysctl: 'net.ipv4.tcp_abort_on_overflow' }),
		dataRetries: linux(TIMER, 'tcp_write_timeout', { sysctl: 'net.ipv4.tcp_retries2' }),
		dataRetriesAsTime: linux(TIMER, 'retransmits_timed_out'),
		tailLossProbe: linux(OUTPUT, 'tcp_schedule_loss_probe', { sysctl: 'net.ipv4.tcp_early_retrans' }),
		timestamps: linux(INPUT, 'tcp_ack_update_rtt', { sysctl: 'net.ipv4.tcp_timestamps' }),
		delayedAckMs: linux(OUTPUT, 'tcp_send_delayed_ack', { constant: 'TCP_DELACK_MIN' }),
		quickAcks: linux(INPUT, 'tcp_incr_quickack', { constant: 'TCP_MAX_QUICKACKS' }),
		synAckOnDupSyn: linux(MINISOCKS, 'tcp_check_req'),
		ackRateLimitMs: linux(INPUT, 'tcp_oow_rate_limited', { sysctl: 'net.ipv4.tcp_invalid_ratelimit' }),
		abortRstAck: linux(OUTPUT, 'tcp_send_active_reset'),
		timeWaitMs: linux(MINISOCKS, 'tcp_time_wait', { constant: 'TCP_TIMEWAIT_LEN' }),
		timeWaitNewSyn: linux(MINISOCKS, 'tcp_timewait_state_process'),
		keepAliveMs: linux(TIMER, 'tcp_keepalive_timer', { sysctl: 'net.ipv4.tcp_keepalive_time' }),
		keepAliveIntervalMs: linux(TIMER, 'tcp_keepalive_timer', { sysctl: 'net.ipv4.tcp_keepalive_intvl' }),
		keepAliveProbes: linux(TIMER, 'tcp_keepalive_timer', { sysctl: 'net.ipv4.tcp_keepalive_probes' }),
	},
};

const unitOf = (id: SwitchId, value: number | boolean): ProfileSwitch['unit'] =>
	typeof value === 'boolean' ? null : id.endsWith('Ms') ? 'ms' : id === 'hz' ? 'hz' : 'count';

function profile(id: ProfileName, config: Readonly<TcpConfig>): Profile {
	const resolved = resolveConfig(config);
	return {
		id,
		config: resolved,
		switches: SWITCH_IDS.map((sw) => ({ id: sw, value: resolved[sw], unit: unitOf(sw, resolved[sw]), source: SOURCES[id][sw] })),
	};
}

export const PROFILES: Readonly<Record<ProfileName, Profile>> = {
	rfc9293: profile('rfc9293', PROFILE_CONFIGS.rfc9293),
	linux: profile('linux', PROFILE_CONFIGS.linux),
};

/** A link to the cited text: the RFC section on rfc-editor.org, or the file in Linux's source on elixir.bootlin.com. */
export function sourceUrl(source: SourceRef): string {
	return 'rfc' in source
		? `https://www.rfc-editor.org/rfc/rfc${source.rfc}#section-${source.section}`
		: `https://elixir.bootlin.com/linux/${LINUX_VERSION}/source/${source.linux}`;
}
