import type { ScenarioInput } from '../scenario.ts';

export default {
	name: 'keepalive-idle',
	title: 'Keepalive probes on an idle connection, answered: one every tcp_keepalive_time (2 s here)',
	sysctls: { client: { 'ipv4.tcp_keepalive_time': 2, 'ipv4.tcp_keepalive_intvl': 1, 'ipv4.tcp_keepalive_probes': 3 } },
	steps: [
		{ do: 'listen' },
		{ do: 'connect' },
		{ do: 'await', side: 'client', event: 'connect' },
		// SO_KEEPALIVE with no idle time of its own: the namespace's tcp_keepalive_* apply.
		{ do: 'keepalive', side: 'client', idleMs: 0 },
		{ do: 'wait', ms: 1_000 },
		{ do: 'snapshot', label: 'idle', side: 'client', commands: ['ss -tano'], expect: { client: ['timer:\\(keepalive,'] } },
		{ do: 'wait', ms: 3_600 },
		{ do: 'snapshot', label: 'after two probes', side: 'client', commands: ['ss -tano', 'nstat -as'] },
	],
	// A probe is an ACK one byte behind: seq = SND.NXT − 1, a byte the server has already
	// acknowledged, so it must answer with an ACK (RFC 9293 §3.8.4).
	shape: [
		'c>s SYN seq=0 ack=- len=0',
		's>c SYN,ACK seq=0 ack=1 len=0',
		'c>s ACK seq=1 ack=1 len=0',
		'c>s ACK seq=0 ack=1 len=0 @+2±0.3',
		's>c ACK seq=1 ack=1 len=0',
		'c>s ACK seq=0 ack=1 len=0 @+2±0.3',
		's>c ACK seq=1 ack=1 len=0',
	],
} satisfies ScenarioInput;
