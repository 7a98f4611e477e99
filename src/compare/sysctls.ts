// The Linux settings a capture was made with, from `sysctl` output, as the model's config.
import type { TcpConfig } from '../tcp/config.ts';
import { PROFILES, type SwitchId } from '../tcp/profile.ts';

const int = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : null);

/** How each sysctl's text reads as the switch's value (the sysctl's name is the switch's source in PROFILES). */
const READ: Partial<Record<SwitchId, (text: string) => number | boolean | null>> = {
	rtoMinMs: (t) => (int(t) === null ? null : Math.max(1, Math.round(int(t)! / 1000))),
	rtoMaxMs: int,
	synLinearTimeouts: int,
	synRetries: int,
	synAckRetries: int,
	dataRetries: int,
	// tcp_early_retrans 3 and 4 schedule loss probes (tcp_output.c tcp_schedule_loss_probe).
	tailLossProbe: (t) => (int(t) === null ? null : int(t) === 3 || int(t) === 4),
	timestamps: (t) => (int(t) === null ? null : int(t) !== 0),
	ackRateLimitMs: int,
	abortOnOverflow: (t) => (int(t) === null ? null : int(t) !== 0),
	keepAliveMs: (t) => (int(t) === null ? null : int(t)! * 1000),
	keepAliveIntervalMs: (t) => (int(t) === null ? null : int(t)! * 1000),
	keepAliveProbes: int,
};

/**
 * The switches set by `sysctls`, keyed by name with or without the leading "net." (as the kernel
 * lab's sidecar writes them: "ipv4.tcp_syn_retries"). Names it does not know, and values that do not
 * read, are left out: the profile's own values stand.
 */
export function configFromSysctls(sysctls: Readonly<Record<string, string>>): Partial<TcpConfig> {
	const config: Record<string, number | boolean> = {};
	for (const sw of PROFILES.linux.switches) {
		const name = 'sysctl' in sw.source ? sw.source.sysctl : undefined;
		const read = READ[sw.id];
		if (!name || !read) continue;
		const text = sysctls[name] ?? sysctls[name.replace(/^net\./, '')];
		const value = text === undefined ? null : read(text);
		if (value !== null) config[sw.id] = value;
	}
	return config as Partial<TcpConfig>;
}
